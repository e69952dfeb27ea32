import { CloudfrontCollectorArgs, LogTransition } from "./args";
import { elementsOf, Problems, show } from "./problems";

/**
 * The storage classes a log file can move to, from warmer to colder: S3 only
 * moves objects down this list, and never from ONEZONE_IA to GLACIER_IR
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).
 */
export const TRANSITION_STORAGE_CLASSES = [
    "STANDARD_IA",
    "INTELLIGENT_TIERING",
    "ONEZONE_IA",
    "GLACIER_IR",
    "GLACIER",
    "DEEP_ARCHIVE",
] as const;
type TransitionStorageClass = (typeof TRANSITION_STORAGE_CLASSES)[number];

/** The one move down the list that S3 does not make. */
const UNSUPPORTED_MOVES: ReadonlySet<string> = new Set(["ONEZONE_IA>GLACIER_IR"]);

/** S3 keeps objects at least this many days in S3 Standard before an infrequent-access class. */
export const INFREQUENT_ACCESS_MINIMUM_DAYS = 30;
const INFREQUENT_ACCESS = new Set(["STANDARD_IA", "ONEZONE_IA"]);

/**
 * How many days S3 keeps objects in a class before it moves them on: 30 in
 * the infrequent-access classes (documented) and 90 in the Glacier classes,
 * their minimum storage duration (S3 refuses a rule that moves sooner with
 * "'Days' in the 'Transition' action for StorageClass 'DEEP_ARCHIVE' ... must
 * be 90 days more than ... 'GLACIER'").
 */
const DAYS_BEFORE_NEXT_MOVE: Partial<Record<TransitionStorageClass, number>> = {
    STANDARD_IA: INFREQUENT_ACCESS_MINIMUM_DAYS,
    ONEZONE_IA: INFREQUENT_ACCESS_MINIMUM_DAYS,
    GLACIER_IR: 90,
    GLACIER: 90,
};

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

    // Only undefined means "not given": null is a wrong value like any other.
    const versioning = args.logVersioning === undefined ? false : args.logVersioning;
    if (typeof versioning !== "boolean") problems.add("logVersioning", versioning, "true or false");
    const noncurrent = checkDays(
        "logNoncurrentVersionExpirationDays",
        args.logNoncurrentVersionExpirationDays,
        problems,
    );
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
        problems.add(
            "logTransitions",
            transitions,
            'a list of { days, storageClass }, such as [{ days: 30, storageClass: "STANDARD_IA" }]',
        );
        return [];
    }
    const checked: LogTransition[] = [];
    elementsOf(transitions).forEach((transition, index) => {
        const argument = `logTransitions[${index}]`;
        if (typeof transition !== "object" || transition === null || Array.isArray(transition)) {
            problems.add(argument, transition, "an object { days, storageClass }");
            return;
        }
        const { days, storageClass } = transition as Record<string, unknown>;
        const classIndex = TRANSITION_STORAGE_CLASSES.indexOf(storageClass as TransitionStorageClass);
        if (classIndex < 0) {
            problems.add(
                `${argument}.storageClass`,
                storageClass,
                `one of ${TRANSITION_STORAGE_CLASSES.map(show).join(", ")}`,
            );
            return;
        }
        // S3 moves objects to the classes other than the infrequent-access
        // ones from day 0, the day they are written.
        const wholeDays = checkDays(`${argument}.days`, days, problems, { least: 0, required: true });
        if (wholeDays === undefined) return;

        const previous = checked[checked.length - 1];
        if (INFREQUENT_ACCESS.has(storageClass as string) && wholeDays < INFREQUENT_ACCESS_MINIMUM_DAYS) {
            problems.add(
                `${argument}.days`,
                wholeDays,
                `at least ${INFREQUENT_ACCESS_MINIMUM_DAYS} for ${storageClass}, as S3 requires`,
            );
        } else if (previous !== undefined) {
            const previousIndex = TRANSITION_STORAGE_CLASSES.indexOf(previous.storageClass as TransitionStorageClass);
            const stay = DAYS_BEFORE_NEXT_MOVE[previous.storageClass as TransitionStorageClass] ?? 0;
            if (classIndex <= previousIndex) {
                problems.add(
                    `${argument}.storageClass`,
                    storageClass,
                    `a storage class colder than ${previous.storageClass}, the one before it (S3 moves objects only down ${TRANSITION_STORAGE_CLASSES.join(" > ")})`,
                );
            } else if (UNSUPPORTED_MOVES.has(`${previous.storageClass}>${storageClass}`)) {
                problems.add(
                    `${argument}.storageClass`,
                    storageClass,
                    `a storage class S3 moves ${previous.storageClass} objects to: one colder than ${storageClass}`,
                );
            } else if (wholeDays <= previous.days) {
                problems.add(
                    `${argument}.days`,
                    wholeDays,
                    `more days than the transition before it (${previous.days})`,
                );
            } else if (wholeDays < previous.days + stay) {
                problems.add(
                    `${argument}.days`,
                    wholeDays,
                    `at least ${previous.days + stay}: S3 keeps objects ${stay} days in ${previous.storageClass} before moving them on`,
                );
            }
        }
        checked.push({ days: wholeDays, storageClass: storageClass as string });
    });
    return checked;
}

/**
 * A number of days, a whole number from `least` (S3 counts lifecycle ages in
 * whole days), or undefined when not given and not `required`.
 */
function checkDays(
    argument: string,
    value: unknown,
    problems: Problems,
    { least = 1, required = false } = {},
): number | undefined {
    if (value === undefined && !required) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < least || value > MAX_DAYS) {
        problems.add(argument, value, `a whole number of days from ${least} to ${MAX_DAYS}`);
        return undefined;
    }
    return value;
}

// S3 takes lifecycle days as a 32-bit integer; no sensible retention comes near it.
const MAX_DAYS = 2_147_483_647;
