// A test OpenID provider on loopback: node provider.mjs <port> <redirect-uri> <client-secret>
// Accounts are fixed here; any password signs in (oidc-provider's development login form), roles and groups come as claims.
import Provider from 'oidc-provider';

const [port, redirectUri, secret] = process.argv.slice(2);
const accounts = {
  'olga.sso': { name: 'Ольга Смирнова', roles: ['operator'], groups: ['oms', 'care'] },
  'sveta.sso': { name: 'Светлана Котова', roles: ['supervisor'], groups: [] },
  'guest.sso': { name: 'Гость', roles: [], groups: [] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'assistant',
    client_secret: secret,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
  }],
  claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'roles', 'groups'] },
  conformIdTokenClaims: false,
  cookies: { keys: ['assistant-test-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, preferred_username: id, name: account.name, roles: account.roles, groups: account.groups };
      },
    };
  },
});

provider.proxy = false;
provider.listen(Number(port), '127.0.0.1', () => console.log(`listening ${port}`));
