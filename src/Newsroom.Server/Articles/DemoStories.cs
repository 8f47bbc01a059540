using System.Security.Cryptography;
using System.Text;
using Newsroom.Grains.Articles;

namespace Newsroom.Server.Articles;

/// <summary>
/// The demo newsroom's stories, written for this project. <see cref="All"/> are published, listed oldest first: they
/// are published in this order, so the front page shows the last one on top. A story with a
/// <see cref="DemoStory.Correction"/> is published twice. <see cref="OnTheDesk"/> are drafts that stay unpublished.
/// </summary>
public static class DemoStories
{
    public const string Byline = "Newsroom demo desk";

    public static IReadOnlyList<DemoStory> All { get; } =
    [
        new(
            "astana-balances-moscow-and-the-west",
            new ArticleContent(
                "Astana keeps both Moscow and the West at arm's length",
                "Kazakhstan's government courts European investors while keeping its security ties to Russia, and says it will not take sides over Ukraine.",
                """
                Kazakhstan's foreign ministry set out this week what officials call a "multi-vector" policy: closer trade with the European Union and China, and no break with Russia, its largest neighbour.

                Diplomats in Astana say the balance is deliberate. The country shares a long land border with Russia and depends on Russian pipelines for much of its oil exports, yet it has declined to recognise the territories Moscow claims in Ukraine.

                ## What has changed since 2022

                Western companies have opened offices in Almaty to route trade around sanctions-hit Russian ports, and the government has asked them for new rail and port investment on the Caspian Sea.

                Analysts in the capital expect the balancing act to continue for as long as neither side asks Astana to choose.
                """,
                "World",
                ["Kazakhstan", "Russia", "Diplomacy"],
                Byline),
            null),
        new(
            "city-council-approves-night-buses",
            new ArticleContent(
                "City council approves night buses on four routes",
                "From March, buses will run every 30 minutes between midnight and 5 am on the routes that carry the most late-shift workers.",
                """
                The city council voted 31 to 8 on Tuesday to run night buses on four routes from the first of March, a trial that will cost 2.4 million a year.

                Hospital and hotel workers had campaigned for the service for three years. "Half of our night staff drive because there is no other way home," said a nurse who spoke at the meeting.

                The council will review the trial after twelve months, using ticket data and a survey of riders.
                """,
                "City",
                ["Transport", "City council"],
                Byline),
            new DemoCorrection(
                """
                The city council voted 29 to 10 on Tuesday to run night buses on four routes from the first of March, a trial that will cost 2.4 million a year.

                Hospital and hotel workers had campaigned for the service for three years. "Half of our night staff drive because there is no other way home," said a nurse who spoke at the meeting.

                The council will review the trial after twelve months, using ticket data and a survey of riders.
                """,
                "Correction: an earlier version of this story gave the result of the vote as 31 to 8. It was 29 to 10.")),
        new(
            "library-opens-on-sundays",
            new ArticleContent(
                "Central library to open on Sundays after readers' petition",
                "More than 6,000 people signed the petition; the library will open from 11 am to 5 pm, starting next month.",
                """
                The central library will open on Sundays from next month, after a petition signed by more than 6,000 readers.

                The extra day is paid for by moving two late-evening openings, which the library says drew the fewest visitors of the week.

                Students preparing for exams were among the most vocal supporters. The library will add study places on the second floor for the Sunday openings.
                """,
                "City",
                ["Libraries", "City council"],
                Byline),
            null),
        new(
            "nazarbayev-private-talks-with-putin",
            new ArticleContent(
                "Kazakhstan's former president held private talks with Putin, Kremlin says",
                "Nursultan Nazarbayev is said to have asked for the meeting as his nephew faces a criminal investigation at home.",
                """
                Vladimir Putin met Nursultan Nazarbayev, Kazakhstan's first president, in private, the Kremlin's spokesman confirmed on Tuesday, a day after local media first reported the meeting.

                According to Kazakh outlets citing unnamed sources, it was Nazarbayev who asked for the talks. They say he wanted support for his nephew, Samat Abish, a former senior security official who is under investigation over his alleged part in the unrest of January 2022.

                Nazarbayev led the country from independence in 1991 until 2019 and kept wide powers after handing the presidency to Kassym-Jomart Tokayev, chairing the security council and holding the title "leader of the nation".

                ## After the January unrest

                He lost those posts after the protests of January 2022, in which more than 200 people were killed and which ended after troops from a Russian-led alliance were sent in. Several members of his family and inner circle have since lost their positions, and some have been prosecuted.

                Tokayev has not supported Russia's war against Ukraine and has sought closer ties with Western governments.

                Read also: [Astana keeps both Moscow and the West at arm's length](/articles/astana-balances-moscow-and-the-west)
                """,
                "World",
                ["Kazakhstan", "Russia", "Politics"],
                Byline),
            null),
    ];

    /// <summary>Drafts the demo leaves on the desk: one the reporter submitted for review, one the editor assigned to her.</summary>
    public static IReadOnlyList<DemoDraft> OnTheDesk { get; } =
    [
        new(
            "riverside-footbridge-stays-shut",
            new ArticleContent(
                "Riverside footbridge to stay shut until spring after inspectors find corroded cables",
                "Engineers found rust on two of the cables that hold up the deck; walkers and cyclists face a 15-minute detour through the old port.",
                """
                The Riverside footbridge will stay closed until at least April, the city's transport department said on Thursday, after an inspection found corrosion on two of the cables that hold up its deck.

                The bridge, which about 4,000 walkers and cyclists cross each day between the station and the university, was closed in October for what was meant to be six weeks of repainting.

                "We will not reopen a bridge we cannot vouch for," the department's chief engineer said. New cables have been ordered.

                Until then, signposted detours lead through the old port.
                """,
                "City",
                ["Transport", "Bridges"],
                Byline),
            DemoDraftStage.InReview),
        new(
            "food-bank-winter-queues",
            new ArticleContent(
                "Food bank queues grow as winter begins",
                "Volunteers say more working families are asking for help than at any time since the food bank opened.",
                """
                To do: the food bank's November count against last year's; talk to volunteers at the Saturday session; ask the council what is left in its winter hardship fund.
                """,
                "City",
                ["Food bank", "Cost of living"],
                Byline),
            DemoDraftStage.AssignedToReporter),
    ];

    /// <summary>The demo draft left in review, submitted by the reporter.</summary>
    public const string InReviewSlug = "riverside-footbridge-stays-shut";

    /// <summary>
    /// The id of the demo draft for a slug: always the same, so a later start finds the draft an earlier one made
    /// (12 hex digits of a hash of the slug, the shape of <see cref="Grains.Drafts.DraftId.New"/>'s ids).
    /// </summary>
    public static string DraftIdFor(string slug) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"newsroom-demo/{slug}")))[..Grains.Drafts.DraftId.Length];

    /// <summary>The demo story modelled on the situation in the Kazakhstan fixture; it links to <see cref="ReadAlsoSlug"/>.</summary>
    public const string FixtureSlug = "nazarbayev-private-talks-with-putin";

    /// <summary>The story the fixture-modelled story's "Read also" link points to.</summary>
    public const string ReadAlsoSlug = "astana-balances-moscow-and-the-west";

    /// <summary>The story published twice, the second time as a correction.</summary>
    public const string CorrectedSlug = "city-council-approves-night-buses";
}

/// <summary>A demo story: its slug, its first text and, for one, the corrected body and the note readers see.</summary>
public sealed record DemoStory(string Slug, ArticleContent Content, DemoCorrection? Correction);

public sealed record DemoCorrection(string Body, string Note);

/// <summary>A demo draft that is not published: its slug, its text and where the demo leaves it.</summary>
public sealed record DemoDraft(string Slug, ArticleContent Content, DemoDraftStage Stage);

public enum DemoDraftStage
{
    /// <summary>Written and submitted for review by the reporter.</summary>
    InReview,

    /// <summary>Started by the editor and assigned to the reporter to write.</summary>
    AssignedToReporter,
}
