namespace ShopifyPS.Storage;

/// <summary>A unit of work: everything written inside it is kept by <see cref="Commit"/> and nothing of it
/// survives if it is disposed without a commit (an error, a crash, -WhatIf).</summary>
public interface IStoreTransaction : IDisposable
{
    void Commit();
}

/// <summary>What both sides of the store share: transactions. The ERP store and the connector store of one
/// database share one connection, so a transaction begun on either covers writes to both.</summary>
public interface ITransactionalStore
{
    IStoreTransaction BeginTransaction();
}
