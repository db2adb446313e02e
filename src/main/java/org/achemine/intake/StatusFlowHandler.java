package org.achemine.intake;

import java.nio.file.Path;

/**
 * Processes a status flow (interface {@value InterfaceSniffer#STATUS_XML} or
 * {@value InterfaceSniffer#STATUS_CSV}) instead of validating it as invoices, with the deposit's crash
 * protocol: applied and recorded in one commit (REPORT_READY), then its report published, then REPORTED.
 * Implemented by the lifecycle feature; declared here so intake does not depend on it.
 */
public interface StatusFlowHandler {

    /**
     * @return the path of the flow's report in the sender's {@code out/}
     * @throws IntakeFault on a technical fault: the flow is left unreported, to be retried
     */
    Path process(ReceivedFlow flow);
}
