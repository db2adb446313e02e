/**
 * What every channel shares: the record of how a file reached a partner's {@code in/} ({@link
 * org.achemine.channel.ChannelArrivals}), which the intake writes on the flow it takes. The channels themselves
 * are adapters in their own packages ({@code channel.sftp}, later {@code channel.as2}).
 */
package org.achemine.channel;
