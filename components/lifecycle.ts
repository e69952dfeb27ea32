import { CloudfrontCollectorArgs, LogTransition } from "./args";
import { Problems, show } from "./problems";

/**
 * The storage classes a log file can move to, from warmer to colder: S3 only
 * moves objects down this list (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).
 */
export const TRANSITION_STORAGE_CLASSES = [
    "STANDARD_IA",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
] as const;

/** S3 keeps objects at least this many days in S3 Standard before an infrequent-access class, and as long in that class before the next move. */
export const INFREQUENT_ACCESS_MINIMUM_DAYS = 30;
const INFREQUENT_ACCESS = new Set(["STANDARD_IA", "ONEZONE_IA"]);

/** Default for `logAbortIncompleteUploadDays`. */
export const DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS = 7;
/** Default for `logNoncurrentVersionExpirationDays` when versioning is on. */
export const DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS = 90;

/** What happens to log files as they age, once checked. */
export interface LogLifecycle {
    transitions: LogTransition[];
    /** Undefined: log files never expire. */
    expirationDays?: number;
    abortIncompleteUploadDays: number;
    versioning: boolean;
    /** Set only with versioning. */
    noncurrentVersionExpirationDays?: number;
}

/** Checks the log lifecycle arguments and fills in their defaults. */
export function checkLogLifecycle(args: CloudfrontCollectorArgs, problems: Problems): LogLifecycle {
    const transitions = checkTransitions(args.logTransitions, problems);
    const expirationDays = checkDays("logExpirationDays", args.logExpirationDays, problems);
    const last = transitions[transitions.length - 1];
    if (expirationDays !== undefined && last !== undefined && expirationDays <= last.days) {
        problems.add(
            "logExpirationDays",
            expirationDays,
            `more days than the last transition (${last.storageClass} after ${last.days} days): a log file must not expire before it moves`,
        );
    }

    const versioning = args.logVersioning ?? false;
    if (typeof versioning !== "boolean") problems.add("logVersioning", versioning, "true or false");
    const noncurrent = checkDays("logNoncurrentVersionExpirationDays", args.logNoncurrentVersionExpirationDays, problems);
    // The default asks for nothing, so a stack's config that holds it is fine.
    if (noncurrent !== undefined && noncurrent !== DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS && versioning !== true) {
        problems.add(
            "logNoncurrentVersionExpirationDays",
            noncurrent,
            "no value unless logVersioning is true: without versioning there are no earlier versions",
        );
    }

    return {
        transitions,
        expirationDays,
        abortIncompleteUploadDays:
            checkDays("logAbortIncompleteUploadDays", args.logAbortIncompleteUploadDays, problems) ??
            DEFAULT_ABORT_INCOMPLETE_UPLOAD_DAYS,
        versioning: versioning === true,
        noncurrentVersionExpirationDays:
            versioning === true ? (noncurrent ?? DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS) : undefined,
    };
}

/** The lifecycle arguments: they only apply to a bucket the collector creates. */
export const LIFECYCLE_ARGUMENTS = [
    "logTransitions",
    "logExpirationDays",
    "logAbortIncompleteUploadDays",
    "logVersioning",
    "logNoncurrentVersionExpirationDays",
] as const;

function checkTransitions(transitions: unknown, problems: Problems): LogTransition[] {
    if (transitions === undefined) return [];
    if (!Array.isArray(transitions)) {
        problems.add("logTransitions", transitions, 'a list of { days, storageClass }, such as [{ days: 30, storageClass: "STANDARD_IA" }]');
        return [];
    }
    const checked: LogTransition[] = [];
    transitions.forEach((transition: unknown, index) => {
        const argument = `logTransitions[${index}]`;
        if (typeof transition !== "object" || transition === null || Array.isArray(transition)) {
            problems.add(argument, transition, "an object { days, storageClass }");
            return;
        }
        const { days, storageClass } = transition as Record<string, unknown>;
        const classIndex = TRANSITION_STORAGE_CLASSES.indexOf(storageClass as (typeof TRANSITION_STORAGE_CLASSES)[number]);
        if (classIndex < 0) {
            problems.add(`${argument}.storageClass`, storageClass, `one of ${TRANSITION_STORAGE_CLASSES.map(show).join(", ")}`);
            return;
        }
        const wholeDays = checkDays(`${argument}.days`, days, problems, true);
        if (wholeDays === undefined) return;

        const previous = checked[checked.length - 1];
        if (INFREQUENT_ACCESS.has(storageClass as string) && wholeDays < INFREQUENT_ACCESS_MINIMUM_DAYS) {
            problems.add(`${argument}.days`, wholeDays, `at least ${INFREQUENT_ACCESS_MINIMUM_DAYS} for ${TRANSITION_STORAGE_CLASSES[classIndex]}, as S3 requires`);
        } else if (previous !== undefined) {
            const previousIndex = TRANSITION_STORAGE_CLASSES.indexOf(previous.storageClass as (typeof TRANSITION_STORAGE_CLASSES)[number]);
            if (classIndex <= previousIndex) {
                problems.add(
                    `${argument}.storageClass`,
                    storageClass,
                    `a storage class colder than ${previous.storageClass}, the one before it (S3 moves objects only down ${TRANSITION_STORAGE_CLASSES.join(" > ")})`,
                );
            } else if (wholeDays <= previous.days) {
                problems.add(`${argument}.days`, wholeDays, `more days than the transition before it (${previous.days})`);
            } else if (INFREQUENT_ACCESS.has(previous.storageClass) && wholeDays < previous.days + INFREQUENT_ACCESS_MINIMUM_DAYS) {
                problems.add(
                    `${argument}.days`,
                    wholeDays,
                    `at least ${previous.days + INFREQUENT_ACCESS_MINIMUM_DAYS}: S3 keeps objects ${INFREQUENT_ACCESS_MINIMUM_DAYS} days in ${previous.storageClass} before moving them on`,
                );
            }
        }
        checked.push({ days: wholeDays, storageClass: storageClass as string });
    });
    return checked;
}

/** A number of days: a positive whole number (S3 counts lifecycle ages in days). */
function checkDays(argument: string, value: unknown, problems: Problems, required = false): number | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
        problems.add(argument, value, `a whole number of days from 1 to ${MAX_DAYS}`);
        return undefined;
    }
    return value;
}

// S3 takes lifecycle days as a 32-bit integer; no sensible retention comes near it.
const MAX_DAYS = 2_147_483_647;
