namespace ShopifyPS.Commands.Infrastructure;

/// <summary>The exception behind ShopifyPS error records: the message says what went wrong and what to do.</summary>
public sealed class ShopifyPSException : Exception
{
    public ShopifyPSException(string message, Exception? inner = null) : base(message, inner) { }
}
