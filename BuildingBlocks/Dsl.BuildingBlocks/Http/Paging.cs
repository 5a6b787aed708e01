using System.Buffers.Text;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Dsl.BuildingBlocks.Http;

/// <summary>One page of a list: the items and an opaque cursor for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>The same page with each item shaped for the response; the cursor is unchanged.</summary>
    public Page<TOut> Select<TOut>(Func<T, TOut> shape) => new(Items.Select(shape).ToList(), NextCursor);
}

/// <summary>The `?limit=&amp;cursor=` of every list endpoint.</summary>
public record PageQuery
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 200;

    /// <summary>Items per page, 1 to 200 (default 25).</summary>
    [FromQuery(Name = "limit")]
    public int? Limit { get; set; }

    /// <summary>The nextCursor of the previous page; omit for the first page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; set; }

    public int Take => Limit ?? DefaultLimit;

    /// <summary>The key after which the page starts, or null for the first page.</summary>
    public string? After => Cursor is null ? null : Cursors.Decode(Cursor);
}

public static class Cursors
{
    public static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    public static string? Decode(string cursor)
    {
        try { return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)); }
        catch (FormatException) { return null; }
    }

    /// <summary>Key checks for lists paged by a Guid id or a numeric position.</summary>
    public static bool IsGuidKey(string key) => Guid.TryParse(key, out _);

    public static bool IsNumberKey(string key) => long.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>Whether a cursor is one this API issued for a list whose keys pass <paramref name="isKey"/>.</summary>
    public static bool IsValid(string? cursor, Func<string, bool>? isKey = null) =>
        cursor is null || (Decode(cursor) is { } key && (isKey?.Invoke(key) ?? true));

    /// <summary>
    /// Builds a page from up to limit + 1 items read in key order: the extra item only proves
    /// there is a next page.
    /// </summary>
    public static Page<T> ToPage<T>(this IReadOnlyList<T> itemsPlusOne, int limit, Func<T, string> key)
    {
        if (itemsPlusOne.Count <= limit) return new Page<T>(itemsPlusOne, null);
        var items = itemsPlusOne.Take(limit).ToList();
        return new Page<T>(items, Encode(key(items[^1])));
    }
}

/// <summary>
/// Rules every list query shares; a slice's own query validator includes these, passing the check its
/// page keys must pass (e.g. <see cref="Cursors.IsGuidKey"/>) when it parses the cursor.
/// </summary>
public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator(Func<string, bool>? isKey = null)
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, PageQuery.MaxLimit).When(q => q.Limit is not null)
            .WithMessage($"limit must be between 1 and {PageQuery.MaxLimit}.");
        RuleFor(q => q.Cursor).Must(c => Cursors.IsValid(c, isKey))
            .WithMessage("cursor is not one this API issued; use the nextCursor of the previous page.");
    }
}
