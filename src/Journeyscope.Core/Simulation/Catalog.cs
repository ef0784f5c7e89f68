using System.Globalization;

namespace Journeyscope.Simulation;

/// <summary>Dense codes for activities, channels and resources, so traces are stored as small integers.</summary>
internal static class Catalog
{
    public const byte Search = 0, SeeSocialAd = 1, OpenNewsletter = 2, FollowReferralLink = 3, VisitStore = 4,
        ViewProduct = 5, AddToCart = 6, CreateAccount = 7, LogIn = 8, SendOnboardingEmail = 9,
        StartCheckout = 10, AuthorisePayment = 11, FraudCheck = 12, PlaceOrder = 13, DriftStep = 14,
        PickItems = 15, PackParcel = 16, ShipOrder = 17, HandOverToCarrier = 18, DeliverOrder = 19,
        ContactSupport = 20, RouteTicket = 21, EscalateTicket = 22, ResolveTicket = 23,
        RequestReturn = 24, ReceiveReturn = 25, IssueRefund = 26,
        CesSurvey = 27, CsatSurvey = 28, NpsSurvey = 29, WriteReview = 30, ReferAFriend = 31,
        JoinLoyaltyProgramme = 32, SendWinBackEmail = 33;

    public const byte Web = 0, App = 1, Email = 2, Phone = 3, Chat = 4, Store = 5, Social = 6;

    public const short Customer = 0, WebShop = 1, MobileApp = 2, MarketingAutomation = 3, PaymentGateway = 4,
        RiskEngine = 5, Dispatch = 6, TicketRouter = 7, Finance = 8, SocialPlatform = 9, SurveyTool = 10,
        FirstPicker = 11, Pickers = 8, FirstPacker = FirstPicker + Pickers, Packers = 6,
        FirstCarrier = FirstPacker + Packers, Carriers = 3, FirstAgent = FirstCarrier + Carriers, Agents = 12,
        FirstSpecialist = FirstAgent + Agents, Specialists = 4, FirstStoreStaff = FirstSpecialist + Specialists, StoreStaff = 5;

    public static IReadOnlyList<string> Channels { get; } = ["web", "app", "email", "phone", "chat", "store", "social"];

    public static IReadOnlyList<string> Resources { get; } = BuildResources();

    public static string[] Activities(string driftActivity) =>
    [
        RetailActivities.Search, RetailActivities.SeeSocialAd, RetailActivities.OpenNewsletter,
        RetailActivities.FollowReferralLink, RetailActivities.VisitStore, RetailActivities.ViewProduct,
        RetailActivities.AddToCart, RetailActivities.CreateAccount, RetailActivities.LogIn,
        RetailActivities.SendOnboardingEmail, RetailActivities.StartCheckout, RetailActivities.AuthorisePayment,
        RetailActivities.FraudCheck, RetailActivities.PlaceOrder, driftActivity, RetailActivities.PickItems,
        RetailActivities.PackParcel, RetailActivities.ShipOrder, RetailActivities.HandOverToCarrier,
        RetailActivities.DeliverOrder, RetailActivities.ContactSupport, RetailActivities.RouteTicket,
        RetailActivities.EscalateTicket, RetailActivities.ResolveTicket, RetailActivities.RequestReturn,
        RetailActivities.ReceiveReturn, RetailActivities.IssueRefund, RetailActivities.CesSurvey,
        RetailActivities.CsatSurvey, RetailActivities.NpsSurvey, RetailActivities.WriteReview,
        RetailActivities.ReferAFriend, RetailActivities.JoinLoyaltyProgramme, RetailActivities.SendWinBackEmail,
    ];

    private static string[] BuildResources()
    {
        var names = new List<string>
        {
            "customer", "web-shop", "mobile-app", "marketing-automation", "payment-gateway", "risk-engine",
            "dispatch", "ticket-router", "finance", "social-platform", "survey-tool",
        };
        AddPool(names, "picker", Pickers);
        AddPool(names, "packer", Packers);
        names.Add("carrier-parcelfast");
        names.Add("carrier-northpost");
        names.Add("carrier-swiftship");
        AddPool(names, "agent", Agents);
        AddPool(names, "specialist", Specialists);
        AddPool(names, "store-staff", StoreStaff);
        return [.. names];
    }

    private static void AddPool(List<string> names, string prefix, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            names.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D2}"));
        }
    }
}
