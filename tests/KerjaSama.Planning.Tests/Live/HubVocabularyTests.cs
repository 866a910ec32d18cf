using System.Reflection;
using KerjaSama.Planning.Contracts.Live;
using KerjaSama.Planning.Contracts.Monitor;
using Xunit;

namespace KerjaSama.Planning.Tests.Live;

/// <summary>
/// The live protocol's vocabulary is defined once in Planning.Contracts: the typed hubs' client interfaces name the
/// events, and the name classes (used by the TestKit, the load generator and the board's generated contracts) must
/// list exactly those events, so that a client subscribing by name cannot miss one or listen for one that is never sent.
/// </summary>
public sealed class HubVocabularyTests
{
    private static HashSet<string> Constants(params Type[] types) =>
        [.. types.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];

    private static string[] Events(Type client) => [.. client.GetMethods().Select(m => m.Name).Order()];

    [Fact]
    public void Every_mapping_event_has_a_name_constant_and_each_is_sent_with_its_declared_arguments()
    {
        var names = Constants(typeof(HubNames), typeof(TalkHubNames), typeof(FacilitationHubNames));
        Assert.All(Events(typeof(IMappingClient)), e => Assert.Contains(e, names));
        Assert.All(typeof(IMappingClient).GetMethods(), m =>
        {
            Assert.Equal(typeof(Task), m.ReturnType);
            Assert.All(m.GetParameters(), p => Assert.NotEqual(typeof(CancellationToken), p.ParameterType));
        });
    }

    [Fact]
    public void Every_method_of_the_mapping_hub_has_a_name_constant_and_no_method_is_named_like_an_event()
    {
        var names = Constants(typeof(HubNames), typeof(TalkHubNames), typeof(FacilitationHubNames));
        var methods = typeof(KerjaSama.Planning.Live.Hub.MappingHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition() == m).Select(m => m.Name).Distinct().ToArray();
        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.Contains(m, names));
        Assert.Empty(methods.Intersect(Events(typeof(IMappingClient))));
    }

    [Fact]
    public void The_monitor_event_is_named_by_its_client_interface()
    {
        Assert.Equal([MonitorHubNames.Monitor], Events(typeof(IMonitorClient)));
        Assert.Contains(MonitorHubNames.Monitor, Constants(typeof(MonitorHubNames)));
    }
}
