using System.Globalization;

namespace Journeyscope.Simulation;

/// <summary>Checks of every knob.</summary>
public sealed partial record Scenario
{
    /// <summary>Every problem of the scenario's values, as messages naming the knob; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Months is < 1 or > 120)
        {
            errors.Add($"months must be between 1 and 120 (was {Format(Months)})");
        }

        if (Customers < 0)
        {
            errors.Add($"customers must not be negative (was {Format(Customers)})");
        }

        Weights(errors, "weekday_weights", WeekdayWeights, 7);
        Weights(errors, "hour_weights", HourWeights, 24);
        Options(errors, "regions", Regions);
        Options(errors, "devices", Devices);
        Options(errors, "acquisition_channels", AcquisitionChannels);
        Options(errors, "product_lines", ProductLines);
        Probability(errors, "returning_share", ReturningShare);
        Probability(errors, "b2b_share", B2BShare);
        Probability(errors, "payment_failure", PaymentFailure);
        Probability(errors, "discount_share", DiscountShare);
        Probability(errors, "discount_rate", DiscountRate);
        Probability(errors, "repeat_purchase_rate", RepeatPurchaseRate);
        Probability(errors, "survey_response_rate", SurveyResponseRate);
        Probability(errors, "advocacy_rate", AdvocacyRate);
        Probability(errors, "problems.payment_retries.probability", Problems.PaymentRetriesProbability);
        Probability(errors, "problems.drift.at", Problems.DriftAt);
        Positive(errors, "order_value_mean", OrderValueMean);
        Positive(errors, "b2b_order_value_factor", B2BOrderValueFactor);
        NonNegative(errors, "order_value_sigma", OrderValueSigma);
        NonNegative(errors, "growth", Growth);
        NonNegative(errors, "pick_wait_hours", PickWaitHours);
        NonNegative(errors, "ship_wait_hours", ShipWaitHours);
        NonNegative(errors, "problems.monday_backlog.extra_hours", Problems.MondayBacklogHours);
        Positive(errors, "delivery_days", DeliveryDays);
        Positive(errors, "repeat_after_days", RepeatAfterDays);
        Knobs(errors);
        Probability(errors, "flow.skip", DefaultSkip);
        Probability(errors, "flow.repeat", DefaultRepeat);
        if (MaxRepeats is < 0 or > 1000)
        {
            errors.Add($"flow.max_repeats must be between 0 and 1000 (was {Format(MaxRepeats)})");
        }

        if (MaxOrders is < 1 or > 100)
        {
            errors.Add($"max_orders must be between 1 and 100 (was {Format(MaxOrders)})");
        }

        if (WorkdayStartHour < 0 || WorkdayEndHour > 24 || WorkdayStartHour >= WorkdayEndHour)
        {
            errors.Add($"workday_start_hour and workday_end_hour must satisfy 0 <= start < end <= 24 (were {Format(WorkdayStartHour)} and {Format(WorkdayEndHour)})");
        }

        if (string.IsNullOrWhiteSpace(Problems.DriftActivity))
        {
            errors.Add("problems.drift.activity must not be empty");
        }

        return errors;
    }

    private void Knobs(List<string> errors)
    {
        foreach (var (id, knobs) in Touchpoints)
        {
            if (knobs.Skip is { } skip)
            {
                Probability(errors, $"touchpoints.{id}.skip", skip);
            }

            if (knobs.Repeat is { } repeat)
            {
                Probability(errors, $"touchpoints.{id}.repeat", repeat);
            }

            if (knobs.Weight is { } weight)
            {
                NonNegative(errors, $"touchpoints.{id}.weight", weight);
            }

            if (knobs.Delay is { } delay)
            {
                NonNegative(errors, $"touchpoints.{id}.{DelayKey(delay.Unit)}", delay.Mean);
            }
        }

        foreach (var (id, dropOut) in StageDropOuts)
        {
            Probability(errors, $"stages.{id}.drop_out", dropOut);
        }

        foreach (var (lane, delay) in LaneDelays)
        {
            NonNegative(errors, $"lanes.{LaneKey(lane)}.{DelayKey(delay.Unit)}", delay.Mean);
        }
    }

    /// <summary>The YAML key of a delay unit: <c>minutes</c>, <c>hours</c>, <c>working_hours</c> or <c>days</c>.</summary>
    internal static string DelayKey(DelayUnit unit) => unit switch
    {
        DelayUnit.Minutes => "minutes",
        DelayUnit.Hours => "hours",
        DelayUnit.WorkingHours => "working_hours",
        _ => "days",
    };

    /// <summary>The YAML name of a lane (as in the journey format).</summary>
    internal static string LaneKey(Journeys.BlueprintLane lane) => lane switch
    {
        Journeys.BlueprintLane.CustomerAction => "customer-action",
        Journeys.BlueprintLane.Frontstage => "frontstage",
        Journeys.BlueprintLane.Backstage => "backstage",
        Journeys.BlueprintLane.Support => "support",
        _ => "physical-evidence",
    };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Probability(List<string> errors, string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            errors.Add($"{name} must be between 0 and 1 (was {Format(value)})");
        }
    }

    private static void Positive(List<string> errors, string name, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            errors.Add($"{name} must be greater than 0 (was {Format(value)})");
        }
    }

    private static void NonNegative(List<string> errors, string name, double value)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            errors.Add($"{name} must not be negative (was {Format(value)})");
        }
    }

    private static void Weights(List<string> errors, string name, IReadOnlyList<double> weights, int count)
    {
        if (weights.Count != count)
        {
            errors.Add($"{name} must have {count} values (has {weights.Count})");
            return;
        }

        var total = 0.0;
        foreach (var weight in weights)
        {
            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                errors.Add($"{name} must not contain negative values (found {Format(weight)})");
                return;
            }

            total += weight;
        }

        if (total <= 0)
        {
            errors.Add($"{name} must not be all zero");
        }
    }

    private static void Options(List<string> errors, string name, IReadOnlyList<WeightedOption> options)
    {
        if (options.Count is 0 or > 250)
        {
            errors.Add($"{name} must list between 1 and 250 values (has {options.Count})");
            return;
        }

        var total = 0.0;
        foreach (var option in options)
        {
            if (string.IsNullOrWhiteSpace(option.Name) || !(option.Weight >= 0) || !(option.Cost >= 0))
            {
                errors.Add($"{name}: '{option.Name}' needs a name, a weight >= 0 and a cost >= 0");
                return;
            }

            total += option.Weight;
        }

        if (total <= 0)
        {
            errors.Add($"{name} must have a positive total weight");
        }
    }
}
