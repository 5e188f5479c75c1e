using System.Text.RegularExpressions;

namespace Assistant.Dialogs.Privacy;

/// <summary>
/// Finds personal data in a citizen's text and replaces it with a token ("[СНИЛС]", "[телефон]"). Rules run in order, each on the
/// output of the one before, so a number already masked as a card is not read again as a phone. Quantifiers are bounded, so a
/// 100 kB message costs linear time.
/// </summary>
public sealed partial class PersonalDataMasker
{
    public static readonly IReadOnlyDictionary<PersonalDataKind, string> Tokens = new Dictionary<PersonalDataKind, string>
    {
        [PersonalDataKind.Email] = "[e-mail]",
        [PersonalDataKind.BankCard] = "[номер карты]",
        [PersonalDataKind.OmsPolicy] = "[полис ОМС]",
        [PersonalDataKind.Snils] = "[СНИЛС]",
        [PersonalDataKind.Passport] = "[паспорт]",
        [PersonalDataKind.Phone] = "[телефон]",
        [PersonalDataKind.BirthDate] = "[дата рождения]",
        [PersonalDataKind.Address] = "[адрес]",
        [PersonalDataKind.FullName] = "[ФИО]",
    };

    /// <summary>
    /// A name typed in lower case after «меня зовут» or «моё имя» («меня зовут анна петрова»): a known first name
    /// (Resources/first-names.ru.txt), with up to two more words shaped like a surname or a patronymic. «меня зовут на
    /// работу» is no name.
    /// </summary>
    private static readonly Regex LowerCaseNamedPattern = new(
        @"(?<!\p{L})(?i:меня\s{1,3}зовут|зовут\s{1,3}меня|меня\s{1,3}звать|мо[её]\s{1,3}имя)\s{0,3}[:\-—]?\s{0,3}(?<pd>(?:" + string.Join('|', FirstNames()) +
        @")(?!\p{L})(?:\s{1,3}(?!(?:один|одна|одно|одни|причина|мужчина|женщина|машина|половина)(?!\p{L}))\p{Ll}{2,30}(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ук|юк|ян|дзе|швили|ич|вна|чна)(?!\p{L})){0,2})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>
    /// An address after «по адресу» or «проживаю по» without a street word, typed as people do («по адресу ленина 5 кв 3»): a
    /// name and a house number with «д.»/«дом» before it or a flat after it. «по адресу регистрации 2 экземпляра» is not one.
    /// </summary>
    [GeneratedRegex(@"(?<!\p{L})(?i:проживаю\s{1,3}по\s{1,3}адресу|по\s{1,3}адресу|проживаю\s{1,3}по)\s{0,3}:?\s{0,3}(?<pd>\p{L}[\p{L}\-]{1,29}(?:\s{1,3}\p{L}[\p{L}\-]{1,29}){0,2},?\s{1,3}(?:(?i:д\.?|дом)\s{0,3}\d{1,4}\p{Ll}?(?:\s{0,3},?\s{0,3}(?i:кв\.?|квартира)\s{0,3}\d{1,4})?|\d{1,4}\p{Ll}?\s{0,3},?\s{0,3}(?i:кв\.?|квартира)\s{0,3}\d{1,4}))(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex AddressWithoutStreetWordPattern();

    private static IEnumerable<string> FirstNames()
    {
        using var stream = typeof(PersonalDataMasker).Assembly.GetManifestResourceStream("Assistant.Dialogs.Privacy.first-names.ru.txt")
            ?? throw new InvalidOperationException("The first-names list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 1 } name && !name.StartsWith('#'))
            {
                names.Add(Regex.Escape(name));
            }
        }

        // Longest first, so «александра» is not cut to «александр».
        return names.OrderByDescending(n => n.Length);
    }

    private const string LowerSurname = @"\p{Ll}{2,30}(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ук|юк)";
    private const string LowerPatronymic = @"\p{Ll}{2,30}(?:ович|евич|ьич|овна|евна|ична|инична)";

    /// <summary>
    /// A full name typed in lower case without a cue: a known first name with a patronymic, the surname before them if given
    /// («иванов иван иванович»), or «я» with a surname and a known first name («я петрова анна»).
    /// </summary>
    private static readonly Regex LowerCaseFullNamePattern = new(
        @"(?<!\p{L})(?:я\s{1,3}(?<pd>" + LowerSurname + @"\s{1,3}(?:" + string.Join('|', FirstNames()) + @")(?:\s{1,3}" + LowerPatronymic + @")?)|(?<pd>(?:"
        + LowerSurname + @"\s{1,3})?(?:" + string.Join('|', FirstNames()) + @")\s{1,3}" + LowerPatronymic + @"))(?!\p{L})",
        RegexOptions.CultureInvariant);

    // Most messages have no digit and no «@»: the rules that need one are not run on them (a turn runs every rule).
    private static readonly IReadOnlyList<Rule> Rules =
    [
        new(EmailPattern(), static (_, _) => PersonalDataKind.Email, Needs.At),
        new(LongNumberPattern(), ClassifyLongNumber, Needs.Digit),
        new(SnilsPattern(), ClassifySnils, Needs.Digit),
        new(PassportAfterWordPattern(), static (_, _) => PersonalDataKind.Passport, Needs.Digit),
        new(PassportPattern(), static (_, _) => PersonalDataKind.Passport, Needs.Digit),
        new(PhonePattern(), static (_, _) => PersonalDataKind.Phone, Needs.Digit),
        new(MobileWithoutPrefixPattern(), static (_, _) => PersonalDataKind.Phone, Needs.Digit),
        new(BirthDatePattern(), static (_, _) => PersonalDataKind.BirthDate, Needs.BirthWord),
        new(AddressPattern(), static (_, _) => PersonalDataKind.Address, Needs.StreetWord),
        new(NamedPattern(), static (_, _) => PersonalDataKind.FullName, Needs.NameCue),
        new(LowerCaseNamedPattern, static (_, _) => PersonalDataKind.FullName, Needs.NameCue),
        new(LowerCaseFullNamePattern, static (_, _) => PersonalDataKind.FullName, Needs.LowerCaseName),
        new(AddressWithoutStreetWordPattern(), static (_, _) => PersonalDataKind.Address, Needs.AddressCue),
        new(FullNamePattern(), static (_, _) => PersonalDataKind.FullName, Needs.NameHint),
    ];

    /// <summary>
    /// The text with the tokens taken out: what a search reads. A token's word («телефон», «паспорт») was not written by the
    /// person as a word of the question, and «[телефон]» alone must not find the article about phone numbers.
    /// </summary>
    public static string WithoutTokens(string text)
    {
        foreach (var token in Tokens.Values)
        {
            text = text.Replace(token, " ", StringComparison.Ordinal);
        }

        return text;
    }

    public MaskedText Mask(string text)
    {
        var matches = new List<PersonalDataMatch>();
        var masked = Scan(text, matches);
        return new MaskedText(masked, [.. matches.Select(m => m.Kind).Distinct()]);
    }

    /// <summary>The personal data in <paramref name="text"/>, in rule order (used to take a contact the person gave on purpose).</summary>
    public IReadOnlyList<PersonalDataMatch> Find(string text)
    {
        var matches = new List<PersonalDataMatch>();
        Scan(text, matches);
        return matches;
    }

    private static string Scan(string text, List<PersonalDataMatch> found)
    {
        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        var hasAt = text.Contains('@');
        var lower = text.ToLowerInvariant();

        foreach (var rule in Rules)
        {
            var applies = rule.Needs switch
            {
                Needs.Digit => hasDigit,
                Needs.At => hasAt,
                Needs.BirthWord => hasDigit && ContainsAny(lower, BirthWords),
                Needs.StreetWord => hasDigit && ContainsAny(lower, StreetWords),
                Needs.NameCue => ContainsAny(lower, NameCues),
                Needs.NameHint => ContainsAny(lower, Patronymics) || HasInitial(text),
                Needs.LowerCaseName => ContainsAny(lower, Patronymics) || lower.StartsWith("я ", StringComparison.Ordinal) || lower.Contains(" я ", StringComparison.Ordinal),
                Needs.AddressCue => hasDigit && ContainsAny(lower, AddressCues),
                _ => true,
            };
            if (!applies)
            {
                continue;
            }

            var current = text;
            text = rule.Pattern.Replace(current, match =>
            {
                if (rule.Classify(match, current) is not { } kind)
                {
                    return match.Value;
                }

                // A pattern that needs its cue («меня зовут», «дата рождения») matches it too, and masks only the group "pd".
                var data = match.Groups["pd"] is { Success: true } group ? group : (Group)match;
                found.Add(new PersonalDataMatch(kind, data.Value));
                return match.Value[..(data.Index - match.Index)] + Tokens[kind] + match.Value[(data.Index - match.Index + data.Length)..];
            });
        }

        return text;
    }

    /// <summary>16 digits are an OMS policy unless they pass Luhn and do not follow a policy word (then a card); 13–19 digits passing Luhn are a card.</summary>
    private static PersonalDataKind? ClassifyLongNumber(Match match, string text)
    {
        Span<char> digits = stackalloc char[match.Length];
        var count = 0;
        foreach (var c in match.ValueSpan)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
        }

        var isCard = Luhn.IsValid(digits[..count]);
        if (count == 16)
        {
            return isCard && !AfterPolicyWord(text, match.Index) ? PersonalDataKind.BankCard : PersonalDataKind.OmsPolicy;
        }

        return isCard ? PersonalDataKind.BankCard : null;
    }

    /// <summary>The word right before the number names a policy ("полис", "полиса", "ОМС", "ЕНП").</summary>
    private static bool AfterPolicyWord(string text, int index)
    {
        var end = index;
        while (end > 0 && !char.IsLetter(text[end - 1]))
        {
            end--;
        }

        var start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        var word = text.AsSpan(start, end - start);
        return word.StartsWith("полис", StringComparison.OrdinalIgnoreCase) || word.Equals("омс", StringComparison.OrdinalIgnoreCase)
            || word.Equals("енп", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>11 plain digits starting with 7 or 8 are a phone number, left to the phone rule.</summary>
    private static PersonalDataKind? ClassifySnils(Match match, string text) =>
        match.ValueSpan.ContainsAny(" -") || match.ValueSpan[0] is not ('7' or '8') ? PersonalDataKind.Snils : null;

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-]{1,64}@[\p{L}\p{N}\-]{1,63}(?:\.[\p{L}\p{N}\-]{1,63}){0,8}\.\p{L}{2,24}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\d\-])\d(?:[ \-]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumberPattern();

    [GeneratedRegex(@"(?<!\d)\d{3}[\- ]?\d{3}[\- ]?\d{3}[\- ]?\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SnilsPattern();

    [GeneratedRegex(@"(?<!\d)\d{2} ?\d{2}(?:[ \t]{0,3}(?:№|номер|н\.)[ \t]{0,3}|[ \t]{1,3})\d{6}(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PassportPattern();

    /// <summary>
    /// +7 or 8 and ten digits, grouped any way people type them: «+7 912 345-67-89», «8 (912) 3456789», «+7 912 34 56 789»,
    /// «8 912 3456 789», «8.912.345.67.89».
    /// </summary>
    [GeneratedRegex(@"(?:\+7|(?<![\d+.,])[78])[ \t\-.(]{0,3}\d(?:[ \t\-.()]{0,3}\d){9}(?![\d.,]\d|\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    /// <summary>
    /// A number without the country prefix: a mobile (ten digits from 9, «912 345-67-89», «(912) 345 67 89»), a city code in
    /// brackets and the number («(495) 123-45-67», «(8452) 23-45-67»), or a city number in its own shape, «332-11-22».
    /// </summary>
    [GeneratedRegex(@"(?<![\d+.,\-])(?:\(?9\d{2}\)?(?:[ \t\-.]{0,2}\d){7}|\(\d{3,5}\)[ \t]{0,2}\d(?:[ \t\-.]{0,2}\d){4,6}|\d{3}-\d{2}-\d{2})(?![\d.,]\d|\d|-\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MobileWithoutPrefixPattern();

    /// <summary>A passport number right after the word, however written: «паспорт 4510123456», «паспорт: серия 4510 № 123456».</summary>
    [GeneratedRegex(@"(?<!\p{L})(?i:паспорт\p{Ll}{0,3})\s{0,3}[:\-—]?\s{0,3}(?<pd>(?i:серия\s{0,3})?\d{2}\s?\d{2}\s{0,3}(?i:(?:№|номер|н\.)\s{0,3})?\d{6})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PassportAfterWordPattern();

    /// <summary>A date told as a birth date: «дата рождения 01.02.1980», «д.р. 1.2.80», «12.05.1990 г.р.», «1990 года рождения».</summary>
    [GeneratedRegex(@"(?i:дата\s{1,3}рождения|д\.\s?р\.|родил(?:ся|ась))\s{0,3}[:\-—]?\s{0,3}(?<pd>\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\s{1,3}(?i:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)\s{1,3}\d{4}(?:\s{0,3}(?i:г\.|года))?)|\d{1,2}[./]\d{1,2}[./]\d{2,4}(?=\s{0,3}(?i:г\.\s?р\.|года\s{1,3}рождения))|(?<!\d)\d{4}(?=\s{0,3}(?i:г\.\s?р\.|года\s{1,3}рождения))", RegexOptions.CultureInvariant)]
    private static partial Regex BirthDatePattern();

    /// <summary>
    /// A street address: a street word («ул.», «улица», «пр-т», «проспект», «пер.», «шоссе», «бульвар», «наб.», «пл.», «мкр»; not
    /// «проезд» or «площадь», which health questions use otherwise), the street's name (a word, not a number) and a house
    /// number, with the building and flat if given («ул. Ленина д 5 кв 12», «проспект Мира, 101-3»). A street word alone or
    /// without a number is not an address; the town alone («г. Самара») is left. With the street word inflected («на улице …»)
    /// the name must be capitalised: «на улице мороз 20 градусов» is the weather.
    /// </summary>
    [GeneratedRegex(@"(?<!\p{L})(?:(?i:ул\.?|улица|пр-т|просп\.?|проспект|пер\.|переулок|ш\.|шоссе|б-р|бульвар|наб\.|набережная|пл\.|мкр\.?|микрорайон)\s{1,3}\p{L}|(?i:улиц[еуы]|улицей|проспект[еау]|переул(?:ке|ка)|бульвар[еау]|набережн(?:ой|ую)|микрорайон[еау])\s{1,3}\p{Lu})[\p{L}\-]{0,29}(?:\s{1,3}\p{L}[\p{L}\-]{1,30}){0,2}(?:,\s{0,3}|\s{1,3})(?i:д\.?|дом)?\s{0,3}\d{1,4}[\p{Ll}]?(?:\s{0,3}[,/\-]?\s{0,3}(?i:к\.?|корп\.?|корпус|стр\.?|строение)?\s{0,3}\d{1,3})?(?:\s{0,3},?\s{0,3}(?i:кв\.?|квартира|оф\.?|офис)\s{0,3}\d{1,4})?(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    /// <summary>A name told as one: «меня зовут Мария Петровна», «ФИО: Иванов Иван», «фамилия Сидорова» (capitalised words after the cue).</summary>
    [GeneratedRegex(@"(?<!\p{L})(?i:меня\s{1,3}зовут|мо[её]\s{1,3}имя|фио|ф\.\s?и\.\s?о\.|фамилия)\s{0,3}[:\-—]?\s{0,3}(?<pd>\p{Lu}\p{Ll}{1,30}(?:[\s\-]{1,3}\p{Lu}\p{Ll}{1,30}){0,2})", RegexOptions.CultureInvariant)]
    private static partial Regex NamedPattern();

    /// <summary>
    /// A full Russian name without a cue: a name and a patronymic (-ович, -евич, -ич, -овна, -евна, -ична, -инична), with the
    /// surname before or after them («Иванова Мария Петровна», «Мария Петровна»), or a surname with initials before or after it
    /// («Иванов И. И.», «к врачу А.В. Петровой»).
    /// </summary>
    [GeneratedRegex(@"\p{Lu}\p{Ll}{1,30}\s{1,3}(?:\p{Lu}\p{Ll}{1,30}\s{1,3})?\p{Lu}\p{Ll}{1,30}(?:ович|евич|ьич|ич|овна|евна|ична|инична)(?!\p{L})(?:\s{1,3}\p{Lu}\p{Ll}{1,30}(?:ов|ова|ев|ева|ин|ина|ский|ская|цкий|цкая)(?!\p{L}))?|\p{Lu}\p{Ll}{1,30}\s{1,3}\p{Lu}\.\s?\p{Lu}\.|(?<!\p{L})\p{Lu}\.\s?\p{Lu}\.\s?\p{Lu}\p{Ll}{1,30}", RegexOptions.CultureInvariant)]
    private static partial Regex FullNamePattern();

    private sealed record Rule(Regex Pattern, Func<Match, string, PersonalDataKind?> Classify, Needs Needs);

    private static readonly string[] BirthWords = ["рожд", "родил", "д.р", "д. р", "г.р", "г. р"];
    private static readonly string[] StreetWords = ["ул", "пр-т", "просп", "пер.", "переул", "ш.", "шоссе", "б-р", "бульв", "наб", "пл.", "мкр", "микрорайон"];
    private static readonly string[] NameCues = ["зовут", "звать", "имя", "фио", "ф.и.о", "ф. и. о", "фамили"];
    private static readonly string[] AddressCues = ["адресу", "проживаю"];
    private static readonly string[] Patronymics = ["ич", "вна", "ична"];

    /// <summary>Whether the lower-cased text holds any of the parts (ordinal search: a case-insensitive one costs more than the rules it spares).</summary>
    private static bool ContainsAny(string text, string[] parts)
    {
        foreach (var part in parts)
        {
            if (text.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A capital letter followed by a full stop: an initial («И.»).</summary>
    private static bool HasInitial(string text)
    {
        if (text.Length < 2)
        {
            return false;
        }

        for (var i = text.IndexOf('.', 1); i > 0; i = text.IndexOf('.', i + 1))
        {
            if (char.IsUpper(text[i - 1]) && (i < 2 || !char.IsLetter(text[i - 2])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a text must hold for a rule to find anything in it.</summary>
    private enum Needs
    {
        Nothing,
        Digit,
        At,

        /// <summary>A digit and a word of birth («рожд…», «родил…», «д.р.», «г.р.»).</summary>
        BirthWord,

        /// <summary>A digit and a street word («ул», «проспект», «пер.»…).</summary>
        StreetWord,

        /// <summary>«зовут», «имя», «ФИО», «фамилия».</summary>
        NameCue,

        /// <summary>A patronymic's ending or an initial.</summary>
        NameHint,

        /// <summary>A patronymic's ending, or «я» as a word.</summary>
        LowerCaseName,

        /// <summary>A digit and «по адресу» or «проживаю».</summary>
        AddressCue,
    }
}
