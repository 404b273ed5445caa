using Wenming.Web.Modules.Organization.Contracts;
using Wenming.Web.Modules.Statistics.Features;
using Wenming.Web.Pages.Statistics;

namespace Wenming.UnitTests;

/// <summary>The townships' outlines on the map (issue 12, ADR 0051) and the tile host the map's page allows.</summary>
public sealed class ConvexHullTests
{
    private static OrgUnitLocation P(double lat, double lng) => new(lat, lng);

    [Fact]
    public void Hull_KeepsTheCorners_DropsInsideAndCollinearPoints_CounterClockwise()
    {
        // A square of sites with one inside, one on an edge and one repeated.
        var hull = ConvexHull.Of([P(0, 0), P(0, 2), P(2, 2), P(2, 0), P(1, 1), P(0, 1), P(2, 2)]);

        Assert.Equal([P(0, 0), P(0, 2), P(2, 2), P(2, 0)], hull);
        // Counter-clockwise with longitude as x: the signed area is positive.
        var area = 0.0;
        for (var i = 0; i < hull.Count; i++)
        {
            var (a, b) = (hull[i], hull[(i + 1) % hull.Count]);
            area += (a.Longitude * b.Latitude) - (b.Longitude * a.Latitude);
        }

        Assert.True(area > 0);
    }

    [Fact]
    public void Hull_OfFewerThanThreeDistinctPoints_IsThosePoints_AndALineHasNoArea()
    {
        Assert.Empty(ConvexHull.Of([]));
        Assert.Equal([P(29.6, 119.2)], ConvexHull.Of([P(29.6, 119.2), P(29.6, 119.2)]));
        Assert.Equal(2, ConvexHull.Of([P(0, 0), P(1, 1), P(2, 2), P(3, 3)]).Count);
    }

    [Fact]
    public void Hull_OfADemoTownship_EnclosesEverySite()
    {
        OrgUnitLocation[] sites = [P(29.6630, 119.1962), P(29.6885, 119.1720), P(29.6402, 119.1655), P(29.6712, 119.2291), P(29.6902, 119.1748), P(29.6861, 119.1689)];
        var hull = ConvexHull.Of(sites);

        Assert.InRange(hull.Count, 3, sites.Length);
        foreach (var site in sites)
        {
            for (var i = 0; i < hull.Count; i++)
            {
                var (a, b) = (hull[i], hull[(i + 1) % hull.Count]);
                var cross = ((b.Longitude - a.Longitude) * (site.Latitude - a.Latitude)) - ((b.Latitude - a.Latitude) * (site.Longitude - a.Longitude));
                Assert.True(cross >= -1e-12, $"{site} lies outside the edge {a}–{b}");
            }
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    [InlineData("https://tiles.example.cn/{z}/{x}/{y}.png", "https://tiles.example.cn")]
    [InlineData("https://{s}.tiles.example.cn:8443/{z}/{x}/{y}.png", "https://*.tiles.example.cn:8443")]
    public void TileOrigin_IsTheHostOfTheTemplate_WithSubdomainsAsAWildcard(string? template, string? origin) =>
        Assert.Equal(origin, MapModel.TileOrigin(template));
}
