using System.Data.Common;
using HoaxScreen.Api.Logging;
using HoaxScreen.Api.Validation;
using HoaxScreen.Core.TermLists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HoaxScreen.Api.TermLists;

/// <summary>
/// <c>/admin/termlists</c>: a deployment's own lists (candidate names, local slurs, this week's hoax keywords), kept in
/// the term-list store. A change applies on this replica before the answer and on the others at their next store check.
/// </summary>
public static class TermListAdminEndpoints
{
    public const string Tag = "Term lists";

    public static RouteGroupBuilder MapTermListAdminEndpoints(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/termlists")
            .AddEndpointFilterFactory(ValidationFilter.Create)
            .WithTags(Tag)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("", ListTermLists)
            .WithName("ListTermLists")
            .WithSummary("List the term lists")
            .WithDescription("Every stored list with its flag and number of terms, by name. While `TermLists:Path` is not configured: 404.");

        group.MapGet("/{name}", GetTermList)
            .WithName("GetTermList")
            .WithSummary("Read a term list")
            .WithDescription("The list's terms (as stored: trimmed, each once) and flag; 404 when there is none of that name.");

        group.MapPut("/{name}", PutTermList)
            .WithName("PutTermList")
            .WithSummary("Create or replace a term list")
            .WithDescription(
                "Stores the whole list under `name` (1-64 lower-case letters, digits, `_` or `-`), replacing any list of that " +
                "name. Terms are matched through the normaliser, so disguised spellings in posts match (`k a f i r`, `c3b0ng`, " +
                "full-width letters); a match reports the list, the term and its place in the original post. With `flag: true` " +
                "a post holding any term is flagged. Screening uses the new list from the next request on. Needs an `admin` " +
                "key when API keys are on; while none is configured, only callers on this machine.")
            .ProducesValidationProblem();

        group.MapDelete("/{name}", DeleteTermList)
            .WithName("DeleteTermList")
            .WithSummary("Delete a term list")
            .WithDescription("Removes the list: 204, or 404 when there is none of that name.")
            .Produces(StatusCodes.Status204NoContent);

        return group;
    }

    public static Results<Ok<IReadOnlyList<TermListSummary>>, ProblemHttpResult> ListTermLists(TermListMatcherHolder lists)
    {
        if (lists.Store is not { } store)
        {
            return TermListProblems.Off();
        }

        try
        {
            return TypedResults.Ok<IReadOnlyList<TermListSummary>>([.. store.All().Select(l => new TermListSummary(l.Name, l.Flag, l.Terms.Count))]);
        }
        catch (DbException)
        {
            return TermListProblems.StoreUnavailable("read");
        }
    }

    public static Results<Ok<TermListResponse>, ProblemHttpResult> GetTermList(string name, TermListMatcherHolder lists)
    {
        if (lists.Store is not { } store)
        {
            return TermListProblems.Off();
        }

        try
        {
            return store.Get(name) is { } list ? TypedResults.Ok(TermListResponse.From(list)) : TermListProblems.Unknown(name);
        }
        catch (DbException)
        {
            return TermListProblems.StoreUnavailable("read");
        }
    }

    public static Results<Ok<TermListResponse>, ValidationProblem, ProblemHttpResult> PutTermList(
        string name, TermListRequest request, TermListMatcherHolder lists, ILoggerFactory loggers)
    {
        if (lists.Store is not { } store)
        {
            return TermListProblems.Off();
        }

        if (TermListStore.NameProblem(name) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem + "."] });
        }

        try
        {
            var list = new TermList(name, request.Terms!, request.Flag);
            var changed = store.Put(list);
            lists.Refresh();
            var stored = TermListStore.AsStored(list);
            loggers.CreateLogger(typeof(TermListAdminEndpoints)).TermListChanged(name, changed ? "stored" : "unchanged", stored.Terms.Count, stored.Flag);
            return TypedResults.Ok(TermListResponse.From(stored));
        }
        catch (TermListStoreException ex)
        {
            // The validator's rules are the store's; this answers anything it let through in the same words.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["terms"] = [ex.Message + "."] });
        }
        catch (DbException)
        {
            return TermListProblems.StoreUnavailable("written");
        }
    }

    public static Results<NoContent, ProblemHttpResult> DeleteTermList(string name, TermListMatcherHolder lists, ILoggerFactory loggers)
    {
        if (lists.Store is not { } store)
        {
            return TermListProblems.Off();
        }

        try
        {
            if (!store.Delete(name))
            {
                return TermListProblems.Unknown(name);
            }

            lists.Refresh();
            loggers.CreateLogger(typeof(TermListAdminEndpoints)).TermListChanged(name, "deleted", 0, false);
            return TypedResults.NoContent();
        }
        catch (DbException)
        {
            return TermListProblems.StoreUnavailable("written");
        }
    }
}
