using Assistant.Knowledge.Model;

namespace Assistant.Knowledge.Tests.TestSupport;

/// <summary>A small hand-made KB touching every field: several segments, a draft, a handoff group, sources, KB synonyms.</summary>
public static class SampleKb
{
    public static KnowledgeBase Create() => new()
    {
        LifeSituations =
        [
            new LifeSituation("oms-policy", "Полис ОМС"),
            new LifeSituation("sick-leave", "Больничный"),
        ],
        Articles =
        [
            new Article
            {
                Id = "oms-get-policy",
                LifeSituation = "oms-policy",
                Segments = [Segment.Citizen],
                Title = "Как получить полис ОМС",
                Questions = ["Как получить полис ОМС?", "Где оформить медицинский полис, если я переехал?"],
                Answer = "Полис оформляется **бесплатно** в страховой медицинской организации или на Госуслугах.\nНужны паспорт и СНИЛС.",
                Sources = [new ArticleSource("Федеральный закон № 326-ФЗ «Об обязательном медицинском страховании»", "https://www.consultant.ru/document/cons_doc_LAW_107289/")],
                HandoffGroup = "oms",
            },
            new Article
            {
                Id = "sick-leave-payment",
                LifeSituation = "sick-leave",
                Segments = [Segment.Citizen, Segment.Business],
                Title = "Оплата больничного",
                Questions = ["Кто оплачивает больничный?", "Когда придут деньги по больничному, \"ЭЛН\" уже закрыт"],
                Answer = "Первые три дня оплачивает работодатель, остальные — Социальный фонд.",
                Sources =
                [
                    new ArticleSource("Социальный фонд России", "https://sfr.gov.ru/", new DateOnly(2024, 3, 1)),
                    new ArticleSource("Госуслуги | больничный", "https://www.gosuslugi.ru/"),
                ],
            },
            new Article
            {
                Id = "sick-leave-errors",
                LifeSituation = "sick-leave",
                Segments = [Segment.Business, Segment.Medic],
                Title = "Ошибки в больничном",
                Questions = ["Что делать, если в больничном ошибка?"],
                Answer = "Обратитесь в медицинскую организацию, выдавшую листок нетрудоспособности.",
                Status = ArticleStatus.Draft,
                Version = 3,
                UpdatedAt = new DateTimeOffset(2024, 5, 17, 10, 30, 0, TimeSpan.FromHours(3)),
            },
        ],
        Synonyms =
        [
            ["ковид", "коронавирус", "covid-19"],
            ["соцфонд", "социальный фонд", "СФР"],
        ],
    };
}
