/**
 * Attachments (pièces jointes) carried inside an invoice flow: read from the UBL, CII or Factur-X PDF, checked
 * against the platform's limits (count, sizes, types, names, real content), and handed to delivery with the
 * invoice. They stay inside the archived flow: nothing is stored apart from it.
 */
package org.achemine.validation.attachment;
