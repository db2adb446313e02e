/** Validation against the official UBL 2.1 and CII D16B schemas, loaded from the class path only. */
package org.achemine.validation.xsd;
