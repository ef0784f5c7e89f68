using System.Globalization;

namespace Journeyscope.Voc;

/// <summary>
/// A sentiment lexicon: word valences (-4 to +4), intensifiers (how much they strengthen or soften the next word) and
/// negators. Journeyscope ships its own English lexicon (<see cref="Default"/>); users can load their own file.
/// </summary>
/// <remarks>
/// File format (UTF-8 text): sections <c>[words]</c>, <c>[intensifiers]</c> and <c>[negators]</c>; in the first two each
/// line is an entry and its number separated by whitespace, in the last each line is a word; <c>#</c> starts a comment.
/// Entries are matched case-insensitively. Immutable and thread-safe.
/// </remarks>
public sealed class SentimentLexicon
{
    private static readonly Lazy<SentimentLexicon> Builtin = new(LoadBuiltin);

    private readonly Dictionary<string, double> _words;
    private readonly Dictionary<string, double> _intensifiers;
    private readonly HashSet<string> _negators;

    private SentimentLexicon(Dictionary<string, double> words, Dictionary<string, double> intensifiers, HashSet<string> negators)
    {
        _words = words;
        _intensifiers = intensifiers;
        _negators = negators;
        foreach (var key in words.Keys)
        {
            MaxEntryLength = Math.Max(MaxEntryLength, key.Length);
        }
    }

    /// <summary>Journeyscope's own English lexicon for customer feedback.</summary>
    public static SentimentLexicon Default => Builtin.Value;

    /// <summary>The valence of each word or emoticon.</summary>
    public IReadOnlyDictionary<string, double> Words => _words;

    /// <summary>The intensifiers and dampeners with the strength they add (negative for dampeners).</summary>
    public IReadOnlyDictionary<string, double> Intensifiers => _intensifiers;

    /// <summary>The negators.</summary>
    public IReadOnlySet<string> Negators => _negators;

    internal int MaxEntryLength { get; }

    /// <summary>Reads a lexicon file.</summary>
    /// <exception cref="FormatException">A line does not follow the format; the message names the line.</exception>
    public static SentimentLexicon Load(string path)
    {
        using var reader = new StreamReader(path);
        return Load(reader, path);
    }

    /// <summary>Reads a lexicon from <paramref name="reader"/>; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="FormatException">A line does not follow the format; the message names the line.</exception>
    public static SentimentLexicon Load(TextReader reader, string sourceName = "lexicon")
    {
        var words = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var intensifiers = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var negators = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var section = "words";
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1].Trim().ToLowerInvariant();
                if (section is not ("words" or "intensifiers" or "negators"))
                {
                    throw new FormatException($"{sourceName}:{lineNumber}: unknown section [{section}] (use [words], [intensifiers] or [negators])");
                }

                continue;
            }

            if (section == "negators")
            {
                negators.Add(line);
                continue;
            }

            var split = line.LastIndexOfAny([' ', '\t']);
            if (split <= 0 || !double.TryParse(line.AsSpan(split + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new FormatException($"{sourceName}:{lineNumber}: expected an entry and a number separated by a tab or space, got '{line}'");
            }

            var entry = line[..split].Trim();
            (section == "words" ? words : intensifiers)[entry] = weight;
        }

        if (words.Count == 0)
        {
            throw new FormatException($"{sourceName}: the lexicon has no [words] entries");
        }

        return new SentimentLexicon(words, intensifiers, negators);
    }

    internal bool TryGetWord(string token, out double valence) => _words.TryGetValue(token, out valence);

    internal bool TryGetIntensifier(string token, out double boost) => _intensifiers.TryGetValue(token, out boost);

    internal bool IsNegator(string token) =>
        _negators.Contains(token) || token.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || token.EndsWith("n’t", StringComparison.OrdinalIgnoreCase);

    private static SentimentLexicon LoadBuiltin()
    {
        using var stream = typeof(SentimentLexicon).Assembly.GetManifestResourceStream("Journeyscope.Voc.EnglishLexicon.txt")
            ?? throw new InvalidOperationException("The built-in lexicon resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Load(reader, "EnglishLexicon.txt");
    }
}
