namespace Assistant.Dialogs.Rating;

/// <summary>How long after the prompt a rating (and its comment) is accepted; later ones are ignored.</summary>
public sealed class RatingOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);
}
