namespace Journeyscope.Simulation;

/// <summary>The activity names the simulator writes, by stage. Journey touchpoint rules match these names.</summary>
public static class RetailActivities
{
#pragma warning disable CS1591 // The names document themselves; docs/simulation.md lists them with their stage, lane and channel.
    public const string Search = "Search";
    public const string SeeSocialAd = "See social ad";
    public const string OpenNewsletter = "Open newsletter";
    public const string FollowReferralLink = "Follow referral link";
    public const string VisitStore = "Visit store";
    public const string ViewProduct = "View product";
    public const string AddToCart = "Add to cart";
    public const string CreateAccount = "Create account";
    public const string LogIn = "Log in";
    public const string SendOnboardingEmail = "Send onboarding email";
    public const string StartCheckout = "Start checkout";
    public const string AuthorisePayment = "Authorise payment";
    public const string FraudCheck = "Fraud check";
    public const string PlaceOrder = "Place order";
    public const string PickItems = "Pick items";
    public const string PackParcel = "Pack parcel";
    public const string ShipOrder = "Ship order";
    public const string HandOverToCarrier = "Hand over to carrier";
    public const string DeliverOrder = "Deliver order";
    public const string ContactSupport = "Contact support";
    public const string RouteTicket = "Route ticket";
    public const string EscalateTicket = "Escalate ticket";
    public const string ResolveTicket = "Resolve ticket";
    public const string RequestReturn = "Request return";
    public const string ReceiveReturn = "Receive return";
    public const string IssueRefund = "Issue refund";
    public const string CesSurvey = "CES survey";
    public const string CsatSurvey = "CSAT survey";
    public const string NpsSurvey = "NPS survey";
    public const string WriteReview = "Write review";
    public const string ReferAFriend = "Refer a friend";
    public const string JoinLoyaltyProgramme = "Join loyalty programme";
    public const string SendWinBackEmail = "Send win-back email";
#pragma warning restore CS1591
}
