namespace Journeyscope.Storage;

/// <summary>Whether an attribute belongs to events or to cases.</summary>
public enum AttributeScope
{
    /// <summary>One value per event.</summary>
    Event,

    /// <summary>One value per case.</summary>
    Case,
}
