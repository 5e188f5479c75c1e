using System.ComponentModel.DataAnnotations;

namespace Assistant.Dialogs.Requests;

/// <summary>Numbering and deadline of written requests.</summary>
public sealed class WrittenRequestOptions
{
    [Required]
    public string NumberPrefix { get; set; } = "МЗ-";

    [Range(1, 12)]
    public int NumberDigits { get; set; } = 6;

    /// <summary>Days to answer; 30 under 59-FZ ("О порядке рассмотрения обращений граждан").</summary>
    [Range(1, 365)]
    public int AnswerDays { get; set; } = 30;
}
