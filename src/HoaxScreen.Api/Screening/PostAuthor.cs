namespace HoaxScreen.Api.Screening;

/// <summary>Who published the post, as far as the risk rules need it; nothing that identifies a person.</summary>
public sealed record PostAuthor
{
    /// <summary><c>asn</c> (civil servant), <c>candidate</c>, <c>party</c>, <c>media</c> or <c>public</c>.</summary>
    /// <example>asn</example>
    public string? Role { get; init; }
}

/// <summary>What the author did with the content.</summary>
public sealed record PostContext
{
    /// <summary><c>post</c>, <c>comment</c>, <c>share</c> or <c>like</c>.</summary>
    /// <example>share</example>
    public string? Action { get; init; }
}
