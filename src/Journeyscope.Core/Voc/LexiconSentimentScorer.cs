using System.Globalization;
using System.Text;

namespace Journeyscope.Voc;

/// <summary>
/// A rule-based sentiment scorer over a <see cref="SentimentLexicon"/>: word valences, adjusted for negation,
/// intensifiers, capitals, but-clauses, emoji and exclamation marks, summed and squashed into [-1, 1].
/// </summary>
/// <remarks>
/// Rules (docs/voc.md): a word's valence is strengthened by the intensifiers among the three words before it (full,
/// 95% and 90% of their boost) and by 0.733 when it is written in capitals in a text that is not all capitals; it is
/// multiplied by -0.74 when a negator is among the three words before it. Before the last <c>but</c> (or
/// <c>however</c>) valences count half, after it one and a half. Each exclamation mark (up to four) adds 0.292 in the
/// direction of the sum. The compound score is <c>s / sqrt(s² + 15)</c>; at least +0.05 is positive, at most -0.05
/// negative. Thread-safe. O(length of the text).
/// </remarks>
public sealed class LexiconSentimentScorer : ISentimentScorer
{
    private const double CapitalBoost = 0.733;
    private const double NegationFactor = -0.74;
    private const double ExclamationBoost = 0.292;
    private const double Alpha = 15;

    private static readonly Lazy<LexiconSentimentScorer> Builtin = new(() => new LexiconSentimentScorer(SentimentLexicon.Default));

    private readonly SentimentLexicon _lexicon;

    /// <summary>Creates a scorer over <paramref name="lexicon"/>.</summary>
    public LexiconSentimentScorer(SentimentLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <summary>A scorer over Journeyscope's own English lexicon.</summary>
    public static LexiconSentimentScorer Default => Builtin.Value;

    /// <summary>The score above (below) which a text is positive (negative).</summary>
    public static double Threshold => 0.05;

    /// <inheritdoc />
    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        var exclamations = Tokenize(text, tokens);
        if (tokens.Count == 0)
        {
            return SentimentScore.Neutral;
        }

        var shouting = true;
        var anyLetters = false;
        foreach (var token in tokens)
        {
            if (token.HasLetters)
            {
                anyLetters = true;
                shouting &= token.AllCaps;
            }
        }

        shouting &= anyLetters;
        var butAt = -1;
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (tokens[i].Text is "but" or "however")
            {
                butAt = i;
                break;
            }
        }

        double sum = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (_lexicon.IsNegator(token.Text) || !_lexicon.TryGetWord(token.Text, out var valence))
            {
                continue;
            }

            var sign = Math.Sign(valence);
            if (token.AllCaps && token.HasLetters && !shouting)
            {
                valence += sign * CapitalBoost;
            }

            var negated = false;
            for (var back = 1; back <= 3 && i - back >= 0; back++)
            {
                var before = tokens[i - back].Text;
                if (_lexicon.TryGetIntensifier(before, out var boost))
                {
                    valence += sign * boost * (back == 1 ? 1.0 : back == 2 ? 0.95 : 0.9);
                }

                negated |= _lexicon.IsNegator(before);
            }

            if (negated)
            {
                valence *= NegationFactor;
            }

            if (butAt >= 0)
            {
                valence *= i < butAt ? 0.5 : 1.5;
            }

            sum += valence;
        }

        if (sum != 0)
        {
            sum += Math.Sign(sum) * Math.Min(exclamations, 4) * ExclamationBoost;
        }

        var compound = Math.Clamp(sum / Math.Sqrt((sum * sum) + Alpha), -1, 1);
        var label = compound >= Threshold ? SentimentLabel.Positive : compound <= -Threshold ? SentimentLabel.Negative : SentimentLabel.Neutral;
        return new SentimentScore(compound, label);
    }

    /// <summary>Splits into lower-cased words, emoticons and emoji; returns the number of exclamation marks.</summary>
    private int Tokenize(string text, List<Token> tokens)
    {
        var exclamations = 0;
        var word = new StringBuilder();
        foreach (var chunk in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (chunk.Length <= 4 && HasSymbol(chunk) && _lexicon.TryGetWord(chunk, out _))
            {
                tokens.Add(new Token(chunk, AllCaps: false, HasLetters: false));
                continue;
            }

            var upper = 0;
            var letters = 0;
            foreach (var rune in chunk.EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(rune) || rune.Value is '\'' or '’' or '-')
                {
                    word.Append(rune.ToString());
                    if (Rune.IsLetter(rune))
                    {
                        letters++;
                        upper += Rune.IsUpper(rune) ? 1 : 0;
                    }

                    continue;
                }

                Flush(word, tokens, letters, upper);
                (letters, upper) = (0, 0);
                if (rune.Value == '!')
                {
                    exclamations++;
                }
                else if (rune.Value != 0xFE0F && Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol)
                {
                    tokens.Add(new Token(rune.ToString(), AllCaps: false, HasLetters: false));
                }
            }

            Flush(word, tokens, letters, upper);
        }

        return exclamations;
    }

    private static void Flush(StringBuilder word, List<Token> tokens, int letters, int upper)
    {
        var text = word.ToString().Trim('\'', '’', '-');
        word.Clear();
        if (text.Length > 0)
        {
            tokens.Add(new Token(text.ToLowerInvariant().Replace('’', '\''), AllCaps: letters > 1 && upper == letters, HasLetters: letters > 0));
        }
    }

    private static bool HasSymbol(string chunk)
    {
        foreach (var c in chunk)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Token(string Text, bool AllCaps, bool HasLetters);
}
