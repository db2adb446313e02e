/**
 * Whether a flow may be read at all: the file (name, size, type), its archive if it is a batch, and each XML
 * document (encoding, DTD, well-formedness, root element). Everything here reads partner bytes defensively.
 */
package org.achemine.validation.admissibility;
