/**
 * Status flows: status updates dropped by recipients (07 Service fait, 05 Rejetée with a reason...) and
 * completions of suspended invoices dropped by suppliers (12 Complétée), in Chorus Pro's CPPStatut
 * (CPPFactureStatuts) or in CSV, each read in one streamed pass, applied line by line through the ledger with
 * partial acceptance, and answered with a report listing every line.
 */
package org.achemine.lifecycle.updates;
