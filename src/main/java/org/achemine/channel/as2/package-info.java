/**
 * The AS2 channel (RFC 4130): partners post signed and encrypted messages to the engine's HTTP port and get a
 * signed receipt (MDN) once the payload is safely in their {@code in/}; what the engine publishes in the
 * {@code out/} of an AS2 partner is also pushed to its URL until it acknowledges it. An adapter at the edge:
 * the engine only ever sees files in {@code in/} and writes files in {@code out/}.
 */
package org.achemine.channel.as2;
