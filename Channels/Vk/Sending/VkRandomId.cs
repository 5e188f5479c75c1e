using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Assistant.Channels.Vk.Sending;

/// <summary>
/// random_id values for messages.send: a positive int64 derived from what the message is (conversation, transcript
/// position, part), so every retry of the same message, even after a restart, carries the same id and VK posts it once.
/// </summary>
public static class VkRandomId
{
    public static long For(string conversationId, long sequence, int part) => Hash($"turn/{conversationId}/{sequence}/{part}");

    /// <summary>For the channel's own notices, which answer one incoming message.</summary>
    public static long ForNotice(string incomingMessageId) => Hash("notice/" + incomingMessageId);

    private static long Hash(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var value = BinaryPrimitives.ReadInt64LittleEndian(hash) & long.MaxValue;
        return value == 0 ? 1 : value;
    }
}
