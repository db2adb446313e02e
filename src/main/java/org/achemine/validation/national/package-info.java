/** achemine's national (Chorus Pro) rules, the SIRET value class and the invoice facts reader (ADR 0003). */
package org.achemine.validation.national;
