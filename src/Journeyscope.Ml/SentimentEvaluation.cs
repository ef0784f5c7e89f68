namespace Journeyscope.Ml;

/// <summary>How well a sentiment model labels comments it was not trained on.</summary>
/// <param name="Comments">Number of held-out comments.</param>
/// <param name="Accuracy">Share labelled as the person did.</param>
/// <param name="MacroF1">Mean of the per-class F1 scores over the classes present.</param>
public sealed record SentimentEvaluation(int Comments, double Accuracy, double MacroF1);
