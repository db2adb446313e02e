package org.achemine.validation;

/** Reads the business facts routing and reports need from an admitted document, whatever its syntax. */
public interface InvoiceFactsReader {

    InvoiceFacts read(ParsedInvoice invoice) throws Exception;
}
