using Assistant.Dialogs.Privacy;

namespace Assistant.Dialogs.Tests.Privacy;

public sealed class PersonalDataMaskerTests
{
    private readonly PersonalDataMasker _masker = new();

    [Theory]
    [InlineData("СНИЛС 123-456-789 01", "СНИЛС [СНИЛС]", PersonalDataKind.Snils)]
    [InlineData("снилс 123 456 789 01", "снилс [СНИЛС]", PersonalDataKind.Snils)]
    [InlineData("снилс 12345678901", "снилс [СНИЛС]", PersonalDataKind.Snils)]
    [InlineData("паспорт 4510 123456", "паспорт [паспорт]", PersonalDataKind.Passport)]
    [InlineData("паспорт 45 10 № 123456", "паспорт [паспорт]", PersonalDataKind.Passport)]
    [InlineData("звоните +7 (912) 345-67-89", "звоните [телефон]", PersonalDataKind.Phone)]
    [InlineData("звоните 89123456789", "звоните [телефон]", PersonalDataKind.Phone)]
    [InlineData("звоните 8 (495) 123-45-67", "звоните [телефон]", PersonalDataKind.Phone)]
    [InlineData("номер 912 345 67 89", "номер [телефон]", PersonalDataKind.Phone)]
    [InlineData("перезвоните (912) 345-67-89", "перезвоните [телефон]", PersonalDataKind.Phone)]
    [InlineData("тел +7 912 34 56 789", "тел [телефон]", PersonalDataKind.Phone)]
    [InlineData("тел 8 912 3456 789", "тел [телефон]", PersonalDataKind.Phone)]
    [InlineData("тел 8.912.345.67.89.", "тел [телефон].", PersonalDataKind.Phone)]
    [InlineData("регистратура (8452) 23-45-67 не отвечает", "регистратура [телефон] не отвечает", PersonalDataKind.Phone)]
    [InlineData("домашний 332-11-22", "домашний [телефон]", PersonalDataKind.Phone)]
    [InlineData("паспорт 4510123456", "паспорт [паспорт]", PersonalDataKind.Passport)]
    [InlineData("паспорта: серия 4510 № 123456", "паспорта: [паспорт]", PersonalDataKind.Passport)]
    [InlineData("почта ivan.petrov+mz@mail.ru.", "почта [e-mail].", PersonalDataKind.Email)]
    [InlineData("почта иван@почта.рф", "почта [e-mail]", PersonalDataKind.Email)]
    [InlineData("полис 7755110833001234", "полис [полис ОМС]", PersonalDataKind.OmsPolicy)]
    [InlineData("номер 7755 1108 3300 1234", "номер [полис ОМС]", PersonalDataKind.OmsPolicy)]
    [InlineData("полис ОМС 4111111111111111", "полис ОМС [полис ОМС]", PersonalDataKind.OmsPolicy)]
    [InlineData("карта 4111 1111 1111 1111", "карта [номер карты]", PersonalDataKind.BankCard)]
    [InlineData("карта 4111-1111-1111-1111", "карта [номер карты]", PersonalDataKind.BankCard)]
    [InlineData("карта 2202200000000008", "карта [номер карты]", PersonalDataKind.BankCard)]
    [InlineData("дата рождения 01.02.1980", "дата рождения [дата рождения]", PersonalDataKind.BirthDate)]
    [InlineData("сын 12.05.2015 г.р., нужен полис", "сын [дата рождения] г.р., нужен полис", PersonalDataKind.BirthDate)]
    [InlineData("мама 1948 года рождения", "мама [дата рождения] года рождения", PersonalDataKind.BirthDate)]
    [InlineData("живу: ул. Ленина д 5 кв 12", "живу: [адрес]", PersonalDataKind.Address)]
    [InlineData("по адресу г. Москва, улица Большая Садовая, дом 10, кв. 50.", "по адресу г. Москва, [адрес].", PersonalDataKind.Address)]
    [InlineData("прописка проспект Мира 101/3", "прописка [адрес]", PersonalDataKind.Address)]
    [InlineData("живу на улице Ленина 5 кв 12", "живу на [адрес]", PersonalDataKind.Address)]
    [InlineData("прописан на проспекте Мира, 101", "прописан на [адрес]", PersonalDataKind.Address)]
    [InlineData("родилась 3 мая 1975, нужен полис", "родилась [дата рождения], нужен полис", PersonalDataKind.BirthDate)]
    [InlineData("дата рождения 12 декабря 1950 г.", "дата рождения [дата рождения]", PersonalDataKind.BirthDate)]
    [InlineData("меня зовут Мария, вопрос про полис", "меня зовут [ФИО], вопрос про полис", PersonalDataKind.FullName)]
    [InlineData("ФИО: Сидоров Пётр", "ФИО: [ФИО]", PersonalDataKind.FullName)]
    [InlineData("меня зовут иван петров, нужен полис", "меня зовут [ФИО], нужен полис", PersonalDataKind.FullName)]
    [InlineData("здравствуйте меня зовут анна", "здравствуйте меня зовут [ФИО]", PersonalDataKind.FullName)]
    [InlineData("моё имя александра сергеевна", "моё имя [ФИО]", PersonalDataKind.FullName)]
    [InlineData("меня зовут мария сколько стоит справка", "меня зовут [ФИО] сколько стоит справка", PersonalDataKind.FullName)]
    [InlineData("зовут меня мария, вопрос про полис", "зовут меня [ФИО], вопрос про полис", PersonalDataKind.FullName)]
    [InlineData("меня звать коля", "меня звать [ФИО]", PersonalDataKind.FullName)]
    [InlineData("я петрова анна, как получить полис", "я [ФИО], как получить полис", PersonalDataKind.FullName)]
    [InlineData("я иванов иван иванович, нужна справка", "я [ФИО], нужна справка", PersonalDataKind.FullName)]
    [InlineData("проживаю по адресу ленина 5 кв 3", "проживаю по адресу [адрес]", PersonalDataKind.Address)]
    [InlineData("меня зовут саша только вопрос про полис", "меня зовут [ФИО] только вопрос про полис", PersonalDataKind.FullName)]
    [InlineData("Здравствуйте, Иванова Мария Петровна, 45 лет", "Здравствуйте, [ФИО], 45 лет", PersonalDataKind.FullName)]
    [InlineData("терапевт Петров И.И. отказал", "терапевт [ФИО] отказал", PersonalDataKind.FullName)]
    [InlineData("жалоба на врача А.В. Петрову", "жалоба на врача [ФИО]", PersonalDataKind.FullName)]
    [InlineData("к терапевту А. В. Сидоровой не попасть", "к терапевту [ФИО] не попасть", PersonalDataKind.FullName)]
    [InlineData("Иванов Пётр Никитич, 70 лет", "[ФИО], 70 лет", PersonalDataKind.FullName)]
    public void Each_kind_of_personal_data_is_replaced_by_its_token(string text, string masked, PersonalDataKind kind)
    {
        var result = _masker.Mask(text);
        Assert.Equal(masked, result.Text);
        Assert.Equal([kind], result.Found);
    }

    [Theory]
    [InlineData("Как записаться по номеру 122?")]
    [InlineData("Приём 15.03.2025 в 10:30, кабинет 305")]
    [InlineData("Приказ № 290н от 2012 года")]
    [InlineData("выплата 8 300 рублей, пособие 12 792,00 руб.")]
    [InlineData("ИНН 7707083893 у страховой")]
    [InlineData("счёт 40702810 от 2024-03-15")]
    [InlineData("кабинет 305, с 8.00 до 20.00")]
    [InlineData("Сколько стоит 1500 рублей в 2025 году")]
    [InlineData("ОГРН 1027700132195")]
    [InlineData("как получить полис омс")]
    [InlineData("на какой улице поликлиника №5?")]
    [InlineData("в доме престарелых 20 человек")]
    [InlineData("Меня направили в Москву на операцию")]
    [InlineData("Добрый день. Как оформить больничный?")]
    [InlineData("Запись 15.03.2025, ребёнку 3 года")]
    [InlineData("приказ Минздрава России от 13.03.2019 № 124н")]
    [InlineData("Положен ли бесплатный проезд к месту лечения 2 раза в год?")]
    [InlineData("скидка на проезд 50% для пенсионеров")]
    [InlineData("площадь ожога 15 процентов, куда обращаться")]
    [InlineData("на улице 30 градусов, можно ли делать прививку")]
    [InlineData("на улице мороз 20 градусов можно ли гулять после прививки")]
    [InlineData("ребенок на улице уже 3 дня кашляет")]
    [InlineData("на улице жара 35")]
    [InlineData("подать по адресу регистрации 2 экземпляра заявления")]
    [InlineData("я иду к врачу в 10")]
    [InlineData("я мама ребенка, как получить полис")]
    [InlineData("запись на 3 мая 2025 к терапевту")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("И.")]
    [InlineData("меня зовут на работу, а больничный ещё открыт")]
    [InlineData("меня зовут в армию, нужна медкомиссия")]
    [InlineData("В.И.Ч. инфекция: где сдать анализ")]
    [InlineData("Т.е. полис не нужен?")]
    public void Ordinary_numbers_are_left_alone(string text)
    {
        var result = _masker.Mask(text);
        Assert.Equal(text, result.Text);
        Assert.False(result.HasPersonalData);
    }

    [Fact]
    public void Find_returns_the_values_as_written()
    {
        var found = _masker.Find("пишите на a.b@example.ru или звоните +7 912 345-67-89");
        Assert.Equal([(PersonalDataKind.Email, "a.b@example.ru"), (PersonalDataKind.Phone, "+7 912 345-67-89")], found.Select(f => (f.Kind, f.Value)));
    }

    [Fact]
    public void A_huge_text_without_spaces_is_masked_in_reasonable_work()
    {
        var text = new string('a', 100_000) + " 123-456-789 01 " + new string('7', 50_000);
        var result = _masker.Mask(text);
        Assert.Contains("[СНИЛС]", result.Text);
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("2202200000000008", true)]
    [InlineData("7755110833001234", false)]
    [InlineData("", false)]
    public void Luhn_accepts_card_numbers_only(string digits, bool valid) => Assert.Equal(valid, Luhn.IsValid(digits));

    [Theory]
    [InlineData("  привет  ", "привет")]
    [InlineData("a\u0000b\u0007c", "abc")]
    [InlineData("строка\r\nвторая", "строка\nвторая")]
    [InlineData("😀", "😀")]
    [InlineData("\u202Eтекст\u202C наоборот", "текст наоборот")]
    [InlineData("по\u200Bлис\uFEFF \u2066омс\u2069", "полис омс")]
    [InlineData("\u001b[31mкрасный\u001b[0m текст", "красный текст")]
    [InlineData("семья 👨\u200D👩\u200D👧", "семья 👨\u200D👩\u200D👧")]
    [InlineData(null, "")]
    public void Input_text_is_cleaned_of_control_characters(string? text, string cleaned) =>
        Assert.Equal(cleaned, InputText.Clean(text));

    [Fact]
    public void Broken_surrogate_halves_are_dropped_and_whole_pairs_kept()
    {
        var text = new string(['\uD800', 'x', '\uDC00', ' ', '\uD83D', '\uDE00']);
        Assert.Equal("x \uD83D\uDE00", InputText.Clean(text));
    }
}
