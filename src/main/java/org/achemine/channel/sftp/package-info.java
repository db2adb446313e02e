/**
 * The SFTP channel: an embedded server where each partner logs in with its keys and sees only its own mailbox
 * ({@code in/} to deposit, {@code out/} to collect); every connection, login and file operation is audited. An
 * adapter at the edge: the engine only ever sees files in {@code in/} and writes files in {@code out/}.
 */
package org.achemine.channel.sftp;
