namespace Disclosure.Storage.Changes;

/// <summary>
/// Marks an entity the public site or the read API shows outside the content change log (双公示 records, the
/// calendar, settings, the 目录 classes …). Any write to one, through SaveChanges or ExecuteUpdate/ExecuteDelete,
/// bumps the <see cref="PublicRevision"/> in the same transaction (<see cref="PublicRevisionInterceptor"/>), so every
/// node's page cache and ETags move with it. Content items and versions are not marked: the change log covers them,
/// and a saved draft must not empty every cache.
/// </summary>
public interface IPublicReadModel;
