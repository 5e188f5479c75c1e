namespace Assistant.Knowledge.Model;

public enum ArticleStatus
{
    Draft,
    Published,
}
