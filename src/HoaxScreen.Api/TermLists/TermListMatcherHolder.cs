using HoaxScreen.Api.Hosting;
using HoaxScreen.Api.Modeling;
using HoaxScreen.Api.Options;
using HoaxScreen.Core.TermLists;
using HoaxScreen.Core.Text;
using Microsoft.Extensions.Options;

namespace HoaxScreen.Api.TermLists;

/// <summary>
/// The term-list matcher in service: built from the store's lists with the serving model's normaliser, rebuilt whole
/// when the store's revision moves or the model (so its normaliser) changes, then swapped in atomically. Null while
/// term lists are off. It also holds the service's one <see cref="TermListStore"/>: the shared PostgreSQL database when
/// <c>ConnectionStrings:HoaxScreen</c> is set, else the SQLite file of <c>TermLists:Path</c>.
/// </summary>
public sealed class TermListMatcherHolder(IOptions<TermListsOptions> options, IOptions<DatabaseOptions> database, IHostEnvironment environment, ModelHolder models)
{
    private readonly TermListsOptions _options = options.Value;
    private readonly Lock _refreshGate = new();
    private readonly OpenedOnFirstUse<TermListStore> _store = new(() => TermListStore.Open(
        database.Value.StoreLocation(() => TermListsOptionsValidator.ResolveStore(options.Value, environment.ContentRootPath))));
    private TermListMatcher? _current;
    private long _revision = -1;
    private TextNormalizer? _builtFor;

    public bool Enabled => _options.Enabled || database.Value.Shared;

    public TermListMatcher? Current => Volatile.Read(ref _current);

    /// <summary>The store, opened on first use; null while term lists are off.</summary>
    /// <exception cref="TermListStoreException">The store cannot be opened.</exception>
    public TermListStore? Store => Enabled ? _store.Value : null;

    /// <summary>Rebuilds the matcher when the lists or the model changed since the last build; false when nothing had to change.</summary>
    public bool Refresh()
    {
        if (!Enabled || !models.IsLoaded)
        {
            return false;
        }

        lock (_refreshGate)
        {
            var store = Store!;
            var normalizer = models.Current.Model.Normalizer;
            if (store.Revision == _revision && ReferenceEquals(normalizer, _builtFor) && _current is not null)
            {
                return false;
            }

            var (lists, revision) = store.Snapshot();
            Volatile.Write(ref _current, TermListMatcher.ForLists(lists, normalizer));
            (_revision, _builtFor) = (revision, normalizer);
            return true;
        }
    }
}
