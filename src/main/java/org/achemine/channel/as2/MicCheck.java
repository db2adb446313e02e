package org.achemine.channel.as2;

import com.helger.as2lib.crypto.IMICMatchingHandler;
import com.helger.as2lib.message.IMessage;

/**
 * What as2-lib's client found when it compared the MIC of what it sent with the receipt's: a receipt acknowledges
 * a message only if they match (as2-lib's default handler only logs a mismatch).
 */
public final class MicCheck implements IMICMatchingHandler {

    private volatile Boolean matched;

    /** True on a match, false on a mismatch, null while no receipt was compared. */
    public Boolean matched() {
        return matched;
    }

    @Override
    public void onMICMatch(IMessage message, String mic) {
        matched = true;
    }

    @Override
    public void onMICMismatch(IMessage message, String sent, String received) {
        matched = false;
    }
}
