using System.Globalization;
using Journeyscope.EventLogs;
using Journeyscope.Journeys;
using Journeyscope.Simulation;
using YamlDotNet.RepresentationModel;

namespace Journeyscope.IO.Simulation;

/// <summary>The key table: each YAML path and how it sets its knob.</summary>
public static partial class ScenarioYaml
{
    private static readonly string[] Sections =
    [
        "arrivals", "customers_mix", "funnel", "flow", "money", "operations", "loyalty", "problems",
        "problems.payment_retries", "problems.monday_backlog", "problems.double_escalation", "problems.skipped_onboarding", "problems.drift",
    ];

    private static readonly Dictionary<string, Func<Context, YamlNode, Scenario, Scenario>> Keys = new(StringComparer.Ordinal)
    {
        ["scenario"] = (c, n, s) => s with { Name = c.Text(n) },
        ["start"] = (c, n, s) => s with { Start = c.Date(n) },
        ["months"] = (c, n, s) => s with { Months = c.Integer(n) },
        ["customers"] = (c, n, s) => s with { Customers = c.Integer(n) },
        ["arrivals.weekday_weights"] = (c, n, s) => s with { WeekdayWeights = c.Numbers(n) },
        ["arrivals.hour_weights"] = (c, n, s) => s with { HourWeights = c.Numbers(n) },
        ["arrivals.growth"] = (c, n, s) => s with { Growth = c.Number(n) },
        ["customers_mix.returning_share"] = (c, n, s) => s with { ReturningShare = c.Number(n) },
        ["customers_mix.b2b_share"] = (c, n, s) => s with { B2BShare = c.Number(n) },
        ["customers_mix.regions"] = (c, n, s) => s with { Regions = c.Options(n) },
        ["customers_mix.devices"] = (c, n, s) => s with { Devices = c.Options(n) },
        ["customers_mix.product_lines"] = (c, n, s) => s with { ProductLines = c.Options(n) },
        ["customers_mix.acquisition_channels"] = (c, n, s) => s with { AcquisitionChannels = c.Options(n) },
        ["funnel.payment_failure"] = (c, n, s) => s with { PaymentFailure = c.Number(n) },
        ["money.order_value_mean"] = (c, n, s) => s with { OrderValueMean = c.Number(n) },
        ["money.order_value_sigma"] = (c, n, s) => s with { OrderValueSigma = c.Number(n) },
        ["money.b2b_order_value_factor"] = (c, n, s) => s with { B2BOrderValueFactor = c.Number(n) },
        ["money.discount_share"] = (c, n, s) => s with { DiscountShare = c.Number(n) },
        ["money.discount_rate"] = (c, n, s) => s with { DiscountRate = c.Number(n) },
        ["operations.workday_start_hour"] = (c, n, s) => s with { WorkdayStartHour = c.Integer(n) },
        ["operations.workday_end_hour"] = (c, n, s) => s with { WorkdayEndHour = c.Integer(n) },
        ["operations.pick_wait_hours"] = (c, n, s) => s with { PickWaitHours = c.Number(n) },
        ["operations.ship_wait_hours"] = (c, n, s) => s with { ShipWaitHours = c.Number(n) },
        ["operations.delivery_days"] = (c, n, s) => s with { DeliveryDays = c.Number(n) },
        ["loyalty.repeat_purchase_rate"] = (c, n, s) => s with { RepeatPurchaseRate = c.Number(n) },
        ["loyalty.max_orders"] = (c, n, s) => s with { MaxOrders = c.Integer(n) },
        ["loyalty.repeat_after_days"] = (c, n, s) => s with { RepeatAfterDays = c.Number(n) },
        ["loyalty.survey_response_rate"] = (c, n, s) => s with { SurveyResponseRate = c.Number(n) },
        ["loyalty.advocacy_rate"] = (c, n, s) => s with { AdvocacyRate = c.Number(n) },
        ["problems.payment_retries.enabled"] = (c, n, s) => s with { Problems = s.Problems with { PaymentRetries = c.Boolean(n) } },
        ["problems.payment_retries.device"] = (c, n, s) => s with { Problems = s.Problems with { PaymentRetriesDevice = c.Text(n) } },
        ["problems.payment_retries.probability"] = (c, n, s) => s with { Problems = s.Problems with { PaymentRetriesProbability = c.Number(n) } },
        ["problems.payment_retries.fixed_from"] = (c, n, s) => s with { Problems = s.Problems with { PaymentRetriesFixedFrom = c.Date(n) } },
        ["problems.monday_backlog.enabled"] = (c, n, s) => s with { Problems = s.Problems with { MondayBacklog = c.Boolean(n) } },
        ["problems.monday_backlog.extra_hours"] = (c, n, s) => s with { Problems = s.Problems with { MondayBacklogHours = c.Number(n) } },
        ["problems.double_escalation.enabled"] = (c, n, s) => s with { Problems = s.Problems with { DoubleEscalation = c.Boolean(n) } },
        ["problems.double_escalation.product_line"] = (c, n, s) => s with { Problems = s.Problems with { DoubleEscalationProductLine = c.Text(n) } },
        ["problems.skipped_onboarding.enabled"] = (c, n, s) => s with { Problems = s.Problems with { SkippedOnboarding = c.Boolean(n) } },
        ["problems.skipped_onboarding.customer_type"] = (c, n, s) => s with { Problems = s.Problems with { SkippedOnboardingCustomerType = c.Text(n) } },
        ["problems.drift.enabled"] = (c, n, s) => s with { Problems = s.Problems with { Drift = c.Boolean(n) } },
        ["problems.drift.activity"] = (c, n, s) => s with { Problems = s.Problems with { DriftActivity = c.Text(n) } },
        ["problems.drift.at"] = (c, n, s) => s with { Problems = s.Problems with { DriftAt = c.Number(n) } },
        ["flow.skip"] = (c, n, s) => s with { DefaultSkip = c.Number(n) },
        ["flow.repeat"] = (c, n, s) => s with { DefaultRepeat = c.Number(n) },
        ["flow.max_repeats"] = (c, n, s) => s with { MaxRepeats = c.Integer(n) },
        ["touchpoints"] = (c, n, s) => s with { Touchpoints = c.TouchpointKnobs(n, s.Touchpoints) },
        ["stages"] = (c, n, s) => s with { StageDropOuts = c.StageDropOuts(n, s.StageDropOuts) },
        ["lanes"] = (c, n, s) => s with { LaneDelays = c.LaneDelays(n, s.LaneDelays) },
    };

    private sealed class Context(string source)
    {
        private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);
        private string _key = string.Empty;

        public int LineOf(string knob) => _lines.TryGetValue(knob, out var line) ? line : 0;

        public Scenario ReadSection(YamlMappingNode mapping, string prefix, Scenario scenario)
        {
            foreach (var (keyNode, value) in mapping.Children)
            {
                var name = keyNode is YamlScalarNode { Value: { } text } ? text : string.Empty;
                var path = prefix.Length == 0 ? name : prefix + "." + name;
                var line = (int)keyNode.Start.Line;
                _lines[path] = line;
                _lines[name] = line;
                _key = path;
                if (Array.IndexOf(Sections, path) >= 0)
                {
                    if (value is not YamlMappingNode section)
                    {
                        throw Error(value, "must be a mapping of keys to values");
                    }

                    scenario = ReadSection(section, path, scenario);
                }
                else if (Keys.TryGetValue(path, out var set))
                {
                    scenario = set(this, value, scenario);
                }
                else
                {
                    throw new ImportException(source, line, -1, path, "unknown key" + Suggestion(path));
                }
            }

            return scenario;
        }

        public string Text(YamlNode node) =>
            node is YamlScalarNode { Value: { Length: > 0 } text } ? text : throw Error(node, "must be a non-empty text");

        public double Number(YamlNode node) =>
            node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw Error(node, "must be a number");

        public int Integer(YamlNode node) =>
            node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Error(node, "must be a whole number");

        public bool Boolean(YamlNode node) =>
            node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value)
                ? value
                : throw Error(node, "must be true or false");

        public DateTimeOffset Date(YamlNode node) =>
            node is YamlScalarNode { Value: { } text } &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
                ? value
                : throw Error(node, "must be a date (yyyy-MM-dd) or an ISO 8601 time");

        public double[] Numbers(YamlNode node)
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw Error(node, "must be a list of numbers");
            }

            var values = new double[sequence.Children.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = Number(sequence.Children[i]);
            }

            return values;
        }

        public WeightedOption[] Options(YamlNode node)
        {
            if (node is not YamlMappingNode mapping)
            {
                throw Error(node, "must map each value to a weight, or to { weight: W, cost: C }");
            }

            var options = new List<WeightedOption>();
            foreach (var (keyNode, value) in mapping.Children)
            {
                var name = Text(keyNode);
                if (value is YamlMappingNode detail)
                {
                    double weight = 1, cost = 0;
                    foreach (var (partKey, partValue) in detail.Children)
                    {
                        switch ((partKey as YamlScalarNode)?.Value)
                        {
                            case "weight":
                                weight = Number(partValue);
                                break;
                            case "cost":
                                cost = Number(partValue);
                                break;
                            default:
                                throw Error(partKey, "unknown key (expected weight or cost)");
                        }
                    }

                    options.Add(new WeightedOption(name, weight, cost));
                }
                else
                {
                    options.Add(new WeightedOption(name, Number(value)));
                }
            }

            return [.. options];
        }

        /// <summary><c>touchpoints: { id: { skip, weight, repeat, minutes | hours | working_hours | days } }</c>, merged over the defaults.</summary>
        public Dictionary<string, TouchpointKnobs> TouchpointKnobs(YamlNode node, IReadOnlyDictionary<string, TouchpointKnobs> defaults)
        {
            var result = new Dictionary<string, TouchpointKnobs>(defaults, StringComparer.Ordinal);
            foreach (var (id, value) in Mapping(node, "must map touchpoint ids to their knobs"))
            {
                var knobs = result.TryGetValue(id, out var known) ? known : new TouchpointKnobs();
                foreach (var (key, part) in Mapping(value, "must be a mapping of knobs (skip, weight, repeat, minutes, hours, working_hours, days)"))
                {
                    _key = $"touchpoints.{id}.{key}";
                    _lines[_key] = (int)part.Start.Line;
                    knobs = key switch
                    {
                        "skip" => knobs with { Skip = Number(part) },
                        "weight" => knobs with { Weight = Number(part) },
                        "repeat" => knobs with { Repeat = Number(part) },
                        _ when DelayUnitOf(key) is { } unit => knobs with { Delay = new SimulatedDelay(unit, Number(part)) },
                        _ => throw Error(part, $"unknown knob '{key}' (expected skip, weight, repeat, minutes, hours, working_hours or days)"),
                    };
                }

                result[id] = knobs;
            }

            return result;
        }

        /// <summary><c>stages: { id: { drop_out: p } }</c>.</summary>
        public Dictionary<string, double> StageDropOuts(YamlNode node, IReadOnlyDictionary<string, double> defaults)
        {
            var result = new Dictionary<string, double>(defaults, StringComparer.Ordinal);
            foreach (var (id, value) in Mapping(node, "must map stage ids to their knobs"))
            {
                foreach (var (key, part) in Mapping(value, "must be a mapping with drop_out"))
                {
                    _key = $"stages.{id}.{key}";
                    _lines[_key] = (int)part.Start.Line;
                    result[id] = key == "drop_out" ? Number(part) : throw Error(part, $"unknown knob '{key}' (expected drop_out)");
                }
            }

            return result;
        }

        /// <summary><c>lanes: { lane: { minutes | hours | working_hours | days: mean } }</c>.</summary>
        public Dictionary<BlueprintLane, SimulatedDelay> LaneDelays(YamlNode node, IReadOnlyDictionary<BlueprintLane, SimulatedDelay> defaults)
        {
            var result = new Dictionary<BlueprintLane, SimulatedDelay>(defaults);
            foreach (var (name, value) in Mapping(node, "must map lanes to a delay"))
            {
                BlueprintLane? lane = null;
                foreach (var candidate in Enum.GetValues<BlueprintLane>())
                {
                    if (string.Equals(Journeys.JourneyYaml.LaneName(candidate), name, StringComparison.Ordinal))
                    {
                        lane = candidate;
                    }
                }

                if (lane is null)
                {
                    throw Error(value, $"unknown lane '{name}' (expected customer-action, frontstage, backstage, support or physical-evidence)");
                }

                foreach (var (key, part) in Mapping(value, "must be a mapping with one of minutes, hours, working_hours, days"))
                {
                    _key = $"lanes.{name}.{key}";
                    _lines[_key] = (int)part.Start.Line;
                    result[lane.Value] = DelayUnitOf(key) is { } unit
                        ? new SimulatedDelay(unit, Number(part))
                        : throw Error(part, $"unknown unit '{key}' (expected minutes, hours, working_hours or days)");
                }
            }

            return result;
        }

        private static DelayUnit? DelayUnitOf(string key) => key switch
        {
            "minutes" => DelayUnit.Minutes,
            "hours" => DelayUnit.Hours,
            "working_hours" => DelayUnit.WorkingHours,
            "days" => DelayUnit.Days,
            _ => null,
        };

        private List<(string Key, YamlNode Value)> Mapping(YamlNode node, string reason)
        {
            if (node is not YamlMappingNode mapping)
            {
                throw Error(node, reason);
            }

            var entries = new List<(string, YamlNode)>(mapping.Children.Count);
            foreach (var (key, value) in mapping.Children)
            {
                entries.Add((Text(key), value));
            }

            return entries;
        }

        private ImportException Error(YamlNode node, string reason) => new(source, node.Start.Line, -1, _key, reason);

        private static string Suggestion(string path) =>
            NameSuggestions.Closest(path, Keys.Keys.Concat(Sections)) is { } best ? $" (did you mean '{best}'?)" : string.Empty;
    }
}
