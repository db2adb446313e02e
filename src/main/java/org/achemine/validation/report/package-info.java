/** The {@code validate} command's reports: text, JSON lines and HTML (the compte rendu is written by the cli through DepositReport). */
package org.achemine.validation.report;
