using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KerjaSama.Planning.Contracts.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.JSInterop;
using F = KerjaSama.Planning.Contracts.Live.MatrixFieldNames;

namespace KerjaSama.Planning.Board;

/// <summary>
/// The live mapping board: the matrix of one live session, edited together over <c>/hubs/mapping</c>. Edits go to a
/// local queue first (kept in localStorage), are sent in order with their op ids while connected, and stay queued
/// while the connection is down; after a reconnect the board rejoins from the last sequence it saw.
/// </summary>
public sealed partial class MappingBoard : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<Guid, RowView> _rows = [];
    private readonly List<AppliedOp> _buffered = [];
    private readonly Dictionary<Guid, long> _acked = [];
    private readonly Dictionary<(Guid Row, string Field), string> _errors = [];
    private readonly HashSet<string> _collapsed = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _expanded = [];
    private readonly HashSet<Guid> _openNotices = [];
    private readonly List<OverwriteNotice> _notices = [];
    private StoredBoard _stored = new();
    private List<Participant> _participants = [];
    private Dictionary<string, AffairItem> _affairs = new(StringComparer.Ordinal);
    private Dictionary<Guid, OrganisationItem> _organisations = [];
    private Dictionary<string, OrganisationItem> _organisationsByCode = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, RegionItem> _regions = new(StringComparer.Ordinal);
    private HubConnection? _hub;
    private DotNetObjectReference<MappingBoard>? _self;
    private BoardText _t = new("id");
    private long _seq;
    private long _order;
    private bool _joined;
    private bool _joining;
    private bool _flushing;
    private bool _browserOnline = true;
    private bool _disposed;
    private bool _ready;
    private string _connection = "connecting";
    private string _state = "";
    private string? _message;
    private (Guid Row, string Field)? _editing;
    private (Guid Row, string Field)? _focus;
    private string _draft = "";
    private List<string> _multiDraft = [];
    private string? _pendingFocusId;
    private string _filterAffair = "";
    private string _filterOrganisation = "";
    private string _filterStatus = "";
    private string _newAffair = "";

    [Inject] private HttpClient Http { get; set; } = null!;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    [Inject] private NavigationManager Nav { get; set; } = null!;

    [Parameter] public Guid SessionId { get; set; }

    [Parameter] public Guid ExerciseId { get; set; }

    [Parameter] public string ExerciseTitle { get; set; } = "";

    [Parameter] public string Language { get; set; } = "id";

    [Parameter] public Guid UserId { get; set; }

    [Parameter] public string UserName { get; set; } = "";

    [Parameter] public Guid OrganisationId { get; set; }

    [Parameter] public string OrganisationName { get; set; } = "";

    [Parameter] public string Role { get; set; } = "";

    [Parameter] public Guid[] InvitedOrganisationIds { get; set; } = [];

    private bool CanFacilitate => Role is "secretariat_admin" or "facilitator";

    private bool CanContribute => Role is not "observer" && Role.Length > 0;

    private bool CanWrite => CanContribute && _state != SessionStates.Closed && (_state == SessionStates.Open || CanFacilitate);

    private string StorageKey => $"kerjasama.board.{SessionId:N}.{UserId:N}";

    private int Unsent => _stored.Queue.Count;

    protected override async Task OnInitializedAsync()
    {
        _t = new BoardText(Language);
        _stored = await LoadStoredAsync();
        _self = DotNetObjectReference.Create(this);
        _browserOnline = await JS.InvokeAsync<bool>("kerjaSamaBoard.watchNetwork", _self);
        _hub = new HubConnectionBuilder()
            .WithUrl(Nav.ToAbsoluteUri("/hubs/mapping"))
            .WithAutomaticReconnect(new AlwaysRetry())
            .Build();
        _hub.On<AppliedOp>("Applied", op => InvokeAsync(() => OnApplied(op)));
        _hub.On<Guid, List<Participant>>("Presence", (session, people) => InvokeAsync(() =>
        {
            if (session == SessionId)
                _participants = people;
            StateHasChanged();
        }));
        _hub.On<Guid, string>("SessionState", (session, state) => InvokeAsync(() =>
        {
            if (session == SessionId)
                _state = state;
            StateHasChanged();
        }));
        _hub.Reconnecting += _ => InvokeAsync(() =>
        {
            _joined = false;
            _connection = _browserOnline ? "reconnecting" : "offline";
            StateHasChanged();
        });
        _hub.Reconnected += _ => InvokeAsync(JoinAndFlushAsync);
        _hub.Closed += _ => InvokeAsync(() =>
        {
            _joined = false;
            _connection = "offline";
            StateHasChanged();
            return _disposed || !_browserOnline ? Task.CompletedTask : ConnectLoopAsync();
        });
        if (_browserOnline)
            await ConnectLoopAsync();
        else
            _connection = "offline";
    }

    /// <summary>Called by the page script on the browser's online/offline events (WebSockets survive emulated offline).</summary>
    [JSInvokable]
    public Task NetworkChanged(bool online) => InvokeAsync(async () =>
    {
        _browserOnline = online;
        if (!online)
        {
            _joined = false;
            _connection = "offline";
            StateHasChanged();
            if (_hub is not null)
                await _hub.StopAsync();
        }
        else
        {
            _connection = "reconnecting";
            StateHasChanged();
            await ConnectLoopAsync();
        }
    });

    private async Task ConnectLoopAsync()
    {
        while (!_disposed && _browserOnline && _hub is { State: HubConnectionState.Disconnected })
        {
            try
            {
                await _hub.StartAsync();
                await JoinAndFlushAsync();
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or JSException
                                           or Microsoft.AspNetCore.SignalR.HubException or IOException)
            {
                _connection = _stored.Queue.Count > 0 || _ready ? "reconnecting" : "connecting";
                _message = ex.Message;
                StateHasChanged();
                await Task.Delay(1000);
            }
        }
    }

    private async Task JoinAndFlushAsync()
    {
        if (_hub is null || _joining)
            return;
        _joining = true;
        try
        {
            var since = _ready ? _seq : 0;
            var join = await _hub.InvokeAsync<JoinResult>("Join", SessionId, since);
            if (join.Rows is { } rows)
            {
                _rows.Clear();
                foreach (var row in rows)
                    _rows[row.RowId] = new RowView(row.RowId, row.OwnerOrganisationId, ToElements(row.Fields), row.Seq) { Order = ++_order };
                _seq = join.Seq;
            }

            foreach (var op in join.Ops)
                Apply(op);
            _seq = Math.Max(_seq, join.Seq);
            _state = join.State;
            _participants = join.Participants;
            _joined = true;
            _connection = "connected";
            _message = null;
            foreach (var op in _buffered.OrderBy(o => o.Seq).ToList())
                Apply(op);
            _buffered.Clear();
            if (!_ready)
                _ = LoadRegistryAsync();
            _ready = true;
        }
        finally
        {
            _joining = false;
        }

        StateHasChanged();
        await FlushAsync();
    }

    private void OnApplied(AppliedOp op)
    {
        if (op.SessionId != SessionId && op.SessionId != Guid.Empty)
            return;
        if (_joining || !_ready)
        {
            _buffered.Add(op);
            return;
        }

        if (op.Seq > _seq + 1)
        {
            // A gap: catch up from the last sequence seen (the op comes again with the others).
            _ = CatchUpAsync();
            return;
        }

        Apply(op);
        StateHasChanged();
    }

    private async Task CatchUpAsync()
    {
        if (_hub is { State: HubConnectionState.Connected } && !_joining)
            await JoinAndFlushAsync();
    }

    private void Apply(AppliedOp op)
    {
        if (op.Seq <= _seq)
            return;
        _seq = op.Seq;
        var fields = ToElements(op.Fields);
        switch (op.Kind)
        {
            case OpKinds.Add:
                _rows[op.RowId] = new RowView(op.RowId, op.Author.OrganisationId, fields, op.Seq) { Order = ++_order };
                break;
            case OpKinds.Update when _rows.TryGetValue(op.RowId, out var row):
                foreach (var (field, value) in fields)
                {
                    if (value is null)
                        row.Fields.Remove(field);
                    else
                        row.Fields[field] = value.Value;
                }

                row.Seq = op.Seq;
                break;
            case OpKinds.Remove:
                _rows.Remove(op.RowId);
                break;
        }

        foreach (var overwrite in op.Overwrites.Where(o => o.PreviousAuthor.UserId == UserId && op.Author.UserId != UserId))
        {
            var theirs = fields.TryGetValue(overwrite.Field, out var v) ? v : null;
            _notices.Insert(0, new OverwriteNotice(Guid.NewGuid(), op.Author.DisplayName, op.Author.OrganisationName, op.RowId, overwrite.Field,
                Display(overwrite.Field, ToElement(overwrite.PreviousValue)), Display(overwrite.Field, theirs)));
        }

        foreach (var done in _acked.Where(a => a.Value <= _seq).Select(a => a.Key).ToList())
            _acked.Remove(done);
    }

    private async Task SubmitAsync(string kind, Guid rowId, Dictionary<string, object?> fields)
    {
        var op = new SubmitOp { SessionId = SessionId, OpId = Guid.NewGuid(), Kind = kind, RowId = rowId, Fields = fields, BaseSeq = _seq };
        foreach (var field in fields.Keys)
            _errors.Remove((rowId, field));
        _stored.Queue.Add(op);
        await SaveStoredAsync();
        StateHasChanged();
        await FlushAsync();
    }

    private async Task FlushAsync()
    {
        if (_flushing)
            return;
        _flushing = true;
        try
        {
            while (_stored.Queue.Count > 0 && _joined && _browserOnline && _hub is { State: HubConnectionState.Connected })
            {
                var op = _stored.Queue[0];
                var wasQueued = _connection != "connected" || _stored.Queue.Count > 1;
                Ack ack;
                try
                {
                    ack = await _hub.InvokeAsync<Ack>("Submit", op);
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException or IOException
                                               or Microsoft.AspNetCore.SignalR.HubException)
                {
                    break;
                }

                if (ack is { Outcome: AckOutcomes.Rejected, Error.Code: "rate_limited" })
                {
                    // Faster than the per-user rate (e.g. a long offline queue): the op stays first and goes again, same op id.
                    await Task.Delay(RateLimitedRetry);
                    continue;
                }

                _stored.Queue.RemoveAll(q => q.OpId == op.OpId);
                if (ack.Outcome == AckOutcomes.Rejected)
                {
                    var error = ack.Error ?? new AckError { Code = "rejected", Message = "Rejected." };
                    var field = error.Field ?? op.Fields.Keys.FirstOrDefault();
                    _errors[(op.RowId, field ?? "")] = $"{error.Message} ({error.Code})";
                    _stored.Rejected.Insert(0, new RejectedEdit(op.OpId, op.RowId, field, error.Code, error.Message, wasQueued));
                }
                else if (ack.Seq > _seq)
                {
                    _acked[op.OpId] = ack.Seq;
                    _ackedOps[op.OpId] = op;
                }

                await SaveStoredAsync();
                StateHasChanged();
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    private static readonly TimeSpan RateLimitedRetry = TimeSpan.FromSeconds(1);

    private readonly Dictionary<Guid, SubmitOp> _ackedOps = [];

    /// <summary>
    /// The rows as the user sees them: the server's, with this user's unsent and unconfirmed edits laid over. Rows
    /// without such edits are the server's own objects (not copies): a render touches only what changed.
    /// </summary>
    private List<RowView> VisibleRows()
    {
        var view = new Dictionary<Guid, RowView>(_rows);
        var overlaid = new HashSet<Guid>();
        var pending = _ackedOps.Where(a => _acked.ContainsKey(a.Key)).Select(a => a.Value).Concat(_stored.Queue);
        foreach (var op in pending)
        {
            switch (op.Kind)
            {
                case OpKinds.Add when !view.ContainsKey(op.RowId) && !_rows.ContainsKey(op.RowId):
                    var fields = ToElements(op.Fields);
                    var added = new RowView(op.RowId, OrganisationId, [], long.MaxValue) { Pending = true, Order = long.MaxValue };
                    foreach (var (k, v) in fields.Where(f => f.Value is not null))
                        added.Fields[k] = v!.Value;
                    view[op.RowId] = added;
                    overlaid.Add(op.RowId);
                    break;
                case OpKinds.Update when view.TryGetValue(op.RowId, out var row):
                    if (overlaid.Add(op.RowId))
                        view[op.RowId] = row = row.Copy();
                    foreach (var (k, v) in ToElements(op.Fields))
                    {
                        if (v is null)
                            row.Fields.Remove(k);
                        else
                            row.Fields[k] = v.Value;
                        row.PendingFields.Add(k);
                    }

                    break;
                case OpKinds.Remove:
                    view.Remove(op.RowId);
                    break;
            }
        }

        foreach (var id in overlaid)
        {
            if (view.TryGetValue(id, out var row))
                row.Overlay = string.Join("\u001f", row.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value.GetRawText()))
                              + "\u001e" + string.Join(",", row.PendingFields.Order(StringComparer.Ordinal));
        }

        foreach (var stale in _ackedOps.Keys.Where(k => !_acked.ContainsKey(k)).ToList())
            _ackedOps.Remove(stale);
        return [.. view.Values.OrderBy(r => r.Order)];
    }

    /// <summary>
    /// What each row's markup depends on in this render (see <see cref="BoardRow"/>): the row's sequence and overlay,
    /// the edit in progress, errors and other people's focus on it, and what the whole board shares (session state,
    /// role, language, the Registry's names).
    /// </summary>
    private sealed class StampContext
    {
        private readonly MappingBoard _board;
        private readonly int _shared;
        private readonly Dictionary<Guid, List<Participant>> _focus;
        private readonly Dictionary<Guid, string> _errors;

        public StampContext(MappingBoard board)
        {
            _board = board;
            _shared = HashCode.Combine(board._state, board.CanWrite, board.CanFacilitate, board.Language, board.OrganisationId,
                board._affairs.Count, board._organisations.Count, board._regions.Count);
            _focus = board.Others.Where(p => p.FocusRowId is not null).GroupBy(p => p.FocusRowId!.Value).ToDictionary(g => g.Key, g => g.ToList());
            _errors = board._errors.GroupBy(e => e.Key.Row)
                .ToDictionary(g => g.Key, g => string.Join("\u001f", g.OrderBy(e => e.Key.Field, StringComparer.Ordinal).Select(e => e.Key.Field + "=" + e.Value)));
        }

        public List<Participant> FocusingRow(Guid rowId) => _focus.TryGetValue(rowId, out var people) ? people : [];

        public RowStamp Of(RowView row, bool expanded)
        {
            var editing = _board._editing is { } e && e.Row == row.RowId ? e.Field : null;
            var focus = _focus.TryGetValue(row.RowId, out var people)
                ? string.Join("\u001f", people.Select(p => $"{p.UserId}:{p.FocusField}:{p.DisplayName}:{p.OrganisationName}"))
                : "";
            return new RowStamp(row.Seq, row.Pending, row.Overlay, editing, editing is null ? "" : _board._draft,
                editing is null ? "" : string.Join("\u001f", _board._multiDraft), _errors.GetValueOrDefault(row.RowId, ""), focus, expanded, _shared);
        }
    }

    private IEnumerable<RowView> Filtered(List<RowView> rows) => rows.Where(r =>
        (_filterAffair.Length == 0 || Text(r, F.AffairCode) == _filterAffair)
        && (_filterOrganisation.Length == 0 || r.Owner.ToString() == _filterOrganisation)
        && (_filterStatus.Length == 0 || Text(r, F.Status) == _filterStatus));

    private bool CanEditRow(RowView row) => CanWrite && (CanFacilitate || row.Owner == OrganisationId);

    private bool CanEditField(RowView row, BoardField field) =>
        CanEditRow(row) && field.Kind != FieldKind.ReadOnly && (field.Name != F.Status || CanFacilitate);

    private async Task AddRowAsync()
    {
        var rowId = Guid.NewGuid();
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (_newAffair.Length > 0)
            fields[F.AffairCode] = _newAffair;
        if (_organisations.TryGetValue(OrganisationId, out var own) && own.Kind == "agency")
            fields[F.ResponsibleAgencyId] = OrganisationId;
        await SubmitAsync(OpKinds.Add, rowId, fields);
        // The new row's potential is edited straight away.
        _editing = (rowId, F.Potential);
        _draft = "";
        _pendingFocusId = EditorId(rowId, F.Potential);
    }

    private Task RemoveRowAsync(RowView row) => SubmitAsync(OpKinds.Remove, row.RowId, []);

    private async Task ChangeSessionAsync(string action)
    {
        var response = await Http.PostAsync($"/api/planning/sessions/{SessionId}/{action}", null);
        if (response.IsSuccessStatusCode)
        {
            var info = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            _state = info.GetProperty("state").GetString() ?? _state;
            _message = null;
        }
        else
        {
            _message = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
        }
    }

    private IEnumerable<Guid> NotContributed(List<RowView> rows)
    {
        var authors = rows.Select(r => r.Owner).ToHashSet();
        return InvitedOrganisationIds.Where(o => !authors.Contains(o));
    }

    // ---- editing ----

    private void StartEdit(RowView row, BoardField field)
    {
        if (!CanEditField(row, field))
            return;
        _editing = (row.RowId, field.Name);
        var value = row.Fields.TryGetValue(field.Name, out var v) ? v : (JsonElement?)null;
        _multiDraft = BoardFields.IsMulti(field.Kind) ? [.. Codes(field, value)] : [];
        _draft = BoardFields.IsMulti(field.Kind) ? "" : DraftOf(field, value);
        _pendingFocusId = EditorId(row.RowId, field.Name);
    }

    private void CancelEdit()
    {
        if (_editing is { } e)
            _pendingFocusId = CellId(e.Row, e.Field);
        _editing = null;
    }

    private async Task CommitAsync(RowView row, BoardField field)
    {
        if (_editing is not { } e || e.Row != row.RowId || e.Field != field.Name)
            return;
        _editing = null;
        _pendingFocusId = CellId(row.RowId, field.Name);
        var before = row.Fields.TryGetValue(field.Name, out var v) ? v : (JsonElement?)null;
        object? value;
        if (BoardFields.IsMulti(field.Kind))
        {
            if (_draft.Trim().Length > 0)
                _multiDraft.Add(CodeOf(_draft));
            value = _multiDraft.Count == 0 ? null : MultiValue(field, _multiDraft);
        }
        else
        {
            value = Parse(field, _draft);
        }

        var after = value is null ? null : (JsonElement?)JsonSerializer.SerializeToElement(value, Json);
        if (Same(before, after))
            return;
        await SubmitAsync(OpKinds.Update, row.RowId, new Dictionary<string, object?>(StringComparer.Ordinal) { [field.Name] = value });
    }

    private async Task CellKeyDownAsync(KeyboardEventArgs e, RowView row, BoardField field)
    {
        if (_editing is null && e.Key is "Enter" or "F2")
            StartEdit(row, field);
        await Task.CompletedTask;
    }

    private async Task EditorKeyDownAsync(KeyboardEventArgs e, RowView row, BoardField field)
    {
        if (e.Key == "Escape")
        {
            CancelEdit();
        }
        else if (e.Key == "Enter" && !e.ShiftKey)
        {
            if (BoardFields.IsMulti(field.Kind) && _draft.Trim().Length > 0)
            {
                _multiDraft.Add(CodeOf(_draft));
                _draft = "";
                return;
            }

            await CommitAsync(row, field);
        }
    }

    private async Task FocusCellAsync(RowView row, string field)
    {
        if (_focus == (row.RowId, field))
            return;
        _focus = (row.RowId, field);
        if (_hub is { State: HubConnectionState.Connected } && _joined)
        {
            try
            {
                await _hub.SendAsync("Focus", SessionId, row.RowId, field);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or HttpRequestException)
            {
                // Presence is best effort; the next focus is sent after the reconnect.
            }
        }
    }

    private void DismissRejected(RejectedEdit rejected)
    {
        _stored.Rejected.Remove(rejected);
        _ = SaveStoredAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_pendingFocusId is { } id)
        {
            _pendingFocusId = null;
            await JS.InvokeVoidAsync("kerjaSamaBoard.focus", id);
        }
    }

    // ---- values ----

    private object? Parse(BoardField field, string draft)
    {
        var text = draft.Trim();
        if (text.Length == 0)
            return null;
        return field.Kind switch
        {
            FieldKind.Number => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : text,
            FieldKind.Bool => text == "true",
            FieldKind.Affair => CodeOf(text),
            FieldKind.Agency => _organisationsByCode.TryGetValue(CodeOf(text), out var o) ? o.Id : Guid.TryParse(text, out var g) ? g : text,
            FieldKind.Choice when field.Name == F.Priority => int.Parse(text, CultureInfo.InvariantCulture),
            _ => draft,
        };
    }

    private object MultiValue(BoardField field, List<string> codes) => field.Kind == FieldKind.Regions
        ? codes.Distinct().ToArray()
        : codes.Distinct().Select(c => _organisationsByCode.TryGetValue(c, out var o) ? (object)o.Id : Guid.TryParse(c, out var g) ? g : c).ToArray();

    private static string CodeOf(string text)
    {
        var trimmed = text.Trim();
        var cut = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return cut < 0 ? trimmed : trimmed[..cut];
    }

    private IEnumerable<string> Codes(BoardField field, JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Array } array)
            yield break;
        foreach (var item in array.EnumerateArray())
        {
            var raw = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
            yield return field.Kind != FieldKind.Regions && Guid.TryParse(raw, out var id) && _organisations.TryGetValue(id, out var o) ? o.Code : raw;
        }
    }

    private string DraftOf(BoardField field, JsonElement? value)
    {
        if (value is not { } v)
            return "";
        if (field.Kind == FieldKind.Agency && Guid.TryParse(v.GetString(), out var id) && _organisations.TryGetValue(id, out var o))
            return o.Code;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => v.GetRawText(),
        };
    }

    private static string Text(RowView row, string field) =>
        row.Fields.TryGetValue(field, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : "";

    private string Display(string field, JsonElement? value)
    {
        if (value is not { } v || v.ValueKind == JsonValueKind.Null)
            return "";
        var kind = BoardFields.ByName.TryGetValue(field, out var f) ? f.Kind : FieldKind.Text;
        switch (kind)
        {
            case FieldKind.Affair:
                var code = v.GetString() ?? "";
                return _affairs.TryGetValue(code, out var a) ? $"{code} {a.Name}" : code;
            case FieldKind.Regions when v.ValueKind == JsonValueKind.Array:
                return string.Join(", ", v.EnumerateArray().Select(c => c.GetString() ?? "").Select(c => _regions.TryGetValue(c, out var r) ? r.Name : c));
            case FieldKind.PartnerOrganisations or FieldKind.Agencies when v.ValueKind == JsonValueKind.Array:
                return string.Join(", ", v.EnumerateArray().Select(OrganisationLabel));
            case FieldKind.Agency:
                return OrganisationLabel(v);
            case FieldKind.Bool:
                return v.ValueKind == JsonValueKind.True ? _t["Ya", "Yes"] : _t["Tidak", "No"];
            case FieldKind.ReadOnly when v.ValueKind == JsonValueKind.Array:
                return _t[$"{v.GetArrayLength()} rencana", $"{v.GetArrayLength()} plans"];
            default:
                return v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText();
        }
    }

    private string OrganisationLabel(JsonElement id) =>
        Guid.TryParse(id.GetString(), out var g) && _organisations.TryGetValue(g, out var o) ? o.Label : id.GetString() ?? "";

    private string OrgLabel(Guid id) => _organisations.TryGetValue(id, out var o) ? o.Label : id == OrganisationId ? OrganisationName : id.ToString()[..8];

    private static bool Same(JsonElement? a, JsonElement? b) =>
        (a is null && b is null) || (a is { } x && b is { } y && x.GetRawText() == y.GetRawText());

    private static Dictionary<string, JsonElement?> ToElements(Dictionary<string, object?> fields) =>
        fields.ToDictionary(kv => kv.Key, kv => ToElement(kv.Value), StringComparer.Ordinal);

    private static JsonElement? ToElement(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement e => e.Clone(),
        _ => JsonSerializer.SerializeToElement(value, Json),
    };

    private static string CellId(Guid row, string field) => $"c-{row:N}-{field}";

    private static string EditorId(Guid row, string field) => $"e-{row:N}-{field}";

    private IEnumerable<Participant> Others => _participants.Where(p => p.UserId != UserId);

    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));

    // ---- storage and registry ----

    private async Task<StoredBoard> LoadStoredAsync()
    {
        var text = await JS.InvokeAsync<string?>("kerjaSamaBoard.load", StorageKey);
        if (string.IsNullOrEmpty(text))
            return new StoredBoard();
        try
        {
            return JsonSerializer.Deserialize<StoredBoard>(text, Json) ?? new StoredBoard();
        }
        catch (JsonException)
        {
            return new StoredBoard();
        }
    }

    private async Task SaveStoredAsync() =>
        await JS.InvokeVoidAsync("kerjaSamaBoard.save", StorageKey,
            _stored.Queue.Count == 0 && _stored.Rejected.Count == 0 ? null : JsonSerializer.Serialize(_stored, Json));

    private async Task LoadRegistryAsync()
    {
        try
        {
            var affairs = await Http.GetFromJsonAsync<List<AffairItem>>("/api/registry/affairs", Json) ?? [];
            _affairs = affairs.ToDictionary(a => a.Code, StringComparer.Ordinal);
            var organisations = await AllPagesAsync<OrganisationItem>("/api/registry/organisations?active=true");
            _organisations = organisations.ToDictionary(o => o.Id);
            _organisationsByCode = organisations.GroupBy(o => o.Code, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            if (_newAffair.Length == 0 && _organisations.TryGetValue(OrganisationId, out var own))
                _newAffair = own.AffairCodes.FirstOrDefault(c => _affairs.TryGetValue(c, out var a) && a.Cooperable) ?? "";
            StateHasChanged();
            var regions = await AllPagesAsync<RegionItem>("/api/registry/regions?");
            _regions = regions.ToDictionary(r => r.Code, StringComparer.Ordinal);
            StateHasChanged();
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException)
        {
            _message = _t["Data Registry belum termuat: ", "Registry data not loaded: "] + ex.Message;
            StateHasChanged();
        }
    }

    private async Task<List<T>> AllPagesAsync<T>(string path)
    {
        var all = new List<T>();
        for (var page = 1; page <= 20; page++)
        {
            var separator = path.EndsWith('?') ? "" : "&";
            var result = await Http.GetFromJsonAsync<PageOf<T>>($"{path}{separator}page={page}&pageSize=500", Json);
            if (result is null)
                break;
            all.AddRange(result.Items);
            if (all.Count >= result.Total || result.Items.Count == 0)
                break;
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_hub is not null)
            await _hub.DisposeAsync();
        _self?.Dispose();
    }

    private sealed class AlwaysRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            TimeSpan.FromMilliseconds(retryContext.PreviousRetryCount < 3 ? 250 * (retryContext.PreviousRetryCount + 1) : 2000);
    }
}

/// <summary>A row as the board holds it.</summary>
public sealed class RowView(Guid rowId, Guid owner, Dictionary<string, JsonElement?> fields, long seq)
{
    public Guid RowId { get; } = rowId;

    public Guid Owner { get; } = owner;

    public Dictionary<string, JsonElement> Fields { get; } =
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!.Value, StringComparer.Ordinal);

    public long Seq { get; set; } = seq;

    public long Order { get; init; } = seq;

    public bool Pending { get; init; }

    public HashSet<string> PendingFields { get; } = new(StringComparer.Ordinal);

    /// <summary>This user's unconfirmed values laid over the row (empty for the server's own row).</summary>
    public string Overlay { get; set; } = "";

    public RowView Copy()
    {
        var copy = new RowView(RowId, Owner, [], Seq) { Order = Order, Pending = Pending };
        foreach (var (k, v) in Fields)
            copy.Fields[k] = v;
        return copy;
    }
}

/// <summary>Everything one row's markup depends on; the row renders again only when it changes.</summary>
public readonly record struct RowStamp(long Seq, bool Pending, string Overlay, string? Editing, string Draft, string MultiDraft, string Errors,
    string Focus, bool Expanded, int Shared);
