package org.achemine.intake;

import java.util.List;

/**
 * The flows found unreported at start-up, listed before any mailbox is watched, so a flow taken in this
 * run can never be among them (it would otherwise be validated twice at once).
 */
public record RecoveryBacklog(List<ReceivedFlow> flows) {

    public RecoveryBacklog {
        flows = List.copyOf(flows);
    }
}
