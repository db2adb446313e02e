/** The official CEN EN 16931 business rules (release 1.3.16, precompiled XSLT) run by Saxon on native trees. */
package org.achemine.validation.en16931;
