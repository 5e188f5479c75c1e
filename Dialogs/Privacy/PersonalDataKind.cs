namespace Assistant.Dialogs.Privacy;

/// <summary>The kinds of personal data (152-FZ) masked in everything the engine stores or logs.</summary>
public enum PersonalDataKind
{
    Email,
    BankCard,
    OmsPolicy,
    Snils,
    Passport,
    Phone,
    BirthDate,
    Address,
    FullName,
}
