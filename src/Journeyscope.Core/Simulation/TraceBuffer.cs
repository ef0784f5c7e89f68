namespace Journeyscope.Simulation;

/// <summary>The events of a chunk of customers as columns: activity, time, channel, resource and optional values.</summary>
internal sealed class TraceBuffer
{
    public const int None = -1;

    public TraceBuffer(int customers, int events)
    {
        Customers = new CustomerProfile[customers];
        CustomerStart = new int[customers + 1];
        Activity = new int[events];
        Ticks = new long[events];
        Channel = new short[events];
        Step = new short[events];
        Resource = new short[events];
        Order = new sbyte[events];
        Ticket = new sbyte[events];
        Score = new sbyte[events];
        Comment = new short[events];
        Amount = new double[events];
        Discount = new double[events];
        Declined = new bool[events];
    }

    public CustomerProfile[] Customers { get; }

    public int[] CustomerStart { get; }

    public int CustomerCount { get; set; }

    public int Count { get; private set; }

#pragma warning disable CA1819 // Columns are exposed as arrays on purpose: this is an internal struct-of-arrays buffer.
    public int[] Activity { get; private set; }

    public long[] Ticks { get; private set; }

    public short[] Channel { get; private set; }

    /// <summary>The journey step (touchpoint index) that wrote the event, or -1 (the drift's new step).</summary>
    public short[] Step { get; private set; }

    public short[] Resource { get; private set; }

    public sbyte[] Order { get; private set; }

    public sbyte[] Ticket { get; private set; }

    public sbyte[] Score { get; private set; }

    public short[] Comment { get; private set; }

    public double[] Amount { get; private set; }

    public double[] Discount { get; private set; }

    public bool[] Declined { get; private set; }
#pragma warning restore CA1819

    public int Add(int activity, long ticks, int channel, int resource, int order = None, int ticket = None)
    {
        if (Count == Activity.Length)
        {
            Grow();
        }

        var i = Count++;
        Activity[i] = activity;
        Ticks[i] = ticks;
        Channel[i] = (short)channel;
        Step[i] = None;
        Resource[i] = (short)resource;
        Order[i] = (sbyte)order;
        Ticket[i] = (sbyte)ticket;
        Score[i] = None;
        Comment[i] = None;
        Amount[i] = double.NaN;
        Discount[i] = double.NaN;
        Declined[i] = false;
        return i;
    }

    private void Grow()
    {
        var size = Activity.Length * 2;
        Activity = Resize(Activity, size);
        Ticks = Resize(Ticks, size);
        Channel = Resize(Channel, size);
        Step = Resize(Step, size);
        Resource = Resize(Resource, size);
        Order = Resize(Order, size);
        Ticket = Resize(Ticket, size);
        Score = Resize(Score, size);
        Comment = Resize(Comment, size);
        Amount = Resize(Amount, size);
        Discount = Resize(Discount, size);
        Declined = Resize(Declined, size);
    }

    private static T[] Resize<T>(T[] array, int size)
    {
        Array.Resize(ref array, size);
        return array;
    }
}
