package vn.inspection.pipeline.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import vn.inspection.pipeline.lake.LakeWithdraw;
import vn.inspection.pipeline.system.Errors;
import vn.inspection.pipeline.system.HomeLock;
import vn.inspection.pipeline.system.Logging;
import vn.inspection.pipeline.system.PipelineHome;
import vn.inspection.pipeline.system.Printable;
import vn.inspection.pipeline.warehouse.Warehouse;

/** {@code pipeline withdraw FILE|SHA256}: take back what one ingested file contributed, then refresh. */
@Command(name = "withdraw", mixinStandardHelpOptions = true,
        description = {"Take back the records one ingested file contributed (a file ingested by mistake): they leave the figures, "
                + "records another file also holds stay, and nothing is deleted (--known-at still sees them). "
                + "Ingesting the same file again brings them back.", "Then refreshes the warehouse."})
class WithdrawCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(WithdrawCommand.class);

    @ParentCommand
    PipelineCli parent;

    @Parameters(arity = "1", paramLabel = "FILE|SHA256", description = "The file (its path, or its name when the lake holds one file of that name) or its SHA-256")
    String file;

    @Override
    public Integer call() {
        try {
            PipelineHome home = WriteHome.resolve(parent.home, "withdraw");
            Logging.configure(home, true);
            try (HomeLock lock = HomeLock.acquire(home)) {
                ReadContext context = ReadContext.catalogsOnly(parent.home);
                context.lake().recover(); // a publish a crash interrupted is completed before anything is withdrawn from it
                LakeWithdraw withdraw = new LakeWithdraw(context.lake(), context.schemas());
                LakeWithdraw.Result result;
                try {
                    result = withdraw.withdraw(withdraw.find(file), java.time.Instant.now());
                } catch (LakeWithdraw.Refused e) {
                    parent.err.println("pipeline withdraw: " + e.getMessage());
                    return PipelineCli.USAGE;
                }
                long n = result.withdrawal().records().size();
                parent.out.println("Withdrew " + n + (n == 1 ? " record" : " records") + " of " + Printable.text(result.file().fileName())
                        + " (SHA-256 " + result.file().checksum().substring(0, 16) + "…)"
                        + (result.stayed() > 0 ? "; " + result.stayed() + " stay, other files hold them" : "") + ".");
                log.info("withdrew {} records of {} ({}); {} stay", n, result.file().fileName(), result.file().checksum(), result.stayed());
                List<Warehouse.DataTestFailure> failed = context.warehouse().refresh();
                parent.out.println("Warehouse: " + context.warehouse().file());
                parent.out.println("To bring them back, ingest the same file again.");
                if (!failed.isEmpty()) {
                    DataTests.report(parent.err, "pipeline withdraw", failed, context.warehouse().lakeProblems());
                    return PipelineCli.FAILED;
                }
                return PipelineCli.OK;
            }
        } catch (CommandException e) {
            parent.err.println("pipeline withdraw: " + e.getMessage());
            return e.exitCode();
        } catch (HomeLock.Busy e) {
            parent.err.println("pipeline withdraw: " + e.getMessage());
            return PipelineCli.BUSY;
        } catch (Exception e) {
            log.error(Logging.TOLD, "withdraw failed", e);
            parent.err.println("pipeline withdraw: " + Errors.describe(e));
            return PipelineCli.FAILED;
        }
    }
}
