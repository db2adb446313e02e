package org.achemine.circuit;

import org.achemine.directory.DirectoryImporter;
import org.achemine.lifecycle.InvoiceLedger;
import org.achemine.nightly.NightlyRun;
import org.achemine.testing.MovablePlatformClock;
import org.achemine.testing.OwnDataFolder;
import org.achemine.testing.SampleDirectory;
import org.achemine.testing.ShiftableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a circuit test on the running engine stands on (each subclass declares its partners): a data folder of its
 * own ({@link OwnDataFolder}: the engine stops with the class), the sample directory imported once per test class,
 * a platform clock the test moves, the supplier FOU001's mailboxes and lifecycle reports.
 */
abstract class CircuitEngineFixture extends OwnDataFolder {

    @TestConfiguration
    static class MovableClock extends MovablePlatformClock {
    }

    final CircuitTestMailboxes boxes = new CircuitTestMailboxes(dataDir, "FOU001");

    @Autowired
    DirectoryImporter directoryImporter;

    @Autowired
    InvoiceLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ShiftableClock clock;

    @Autowired
    NightlyRun nightly;

    @BeforeEach
    void directoryInService() throws Exception {
        SampleDirectory.inService(directoryImporter, jdbc, dataDir);
    }
}
