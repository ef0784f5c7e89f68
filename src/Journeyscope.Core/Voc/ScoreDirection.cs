namespace Journeyscope.Voc;

/// <summary>Which end of a survey's scale is good.</summary>
/// <remarks>
/// CES is asked both ways in the field (1 = very easy … 7 = very difficult, or Gartner's 1 = strongly disagree … 7 =
/// strongly agree that it was easy), so a journey declares it: the target of its <c>ces</c> KPI (<c>&gt;= 5.5</c> reads
/// higher-is-better, <c>&lt;= 3</c> lower-is-better). The KPI page and the voice-of-the-customer analysis read it from
/// the same place, <see cref="ScoreDirections.Ces"/>.
/// </remarks>
public enum ScoreDirection
{
    /// <summary>Low answers are good (CES as "how much effort": 1 = very easy). The default for CES.</summary>
    LowerIsBetter,

    /// <summary>High answers are good (CES as "it was easy": 7 = strongly agree).</summary>
    HigherIsBetter,
}
