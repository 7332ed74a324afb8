import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace loch. */
export namespace loch {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a Credentials.
         * @deprecated Use loch.v1.Credentials.$Properties instead.
         */
        interface ICredentials extends loch.v1.Credentials.$Properties {
        }

        /** Represents a Credentials. */
        class Credentials {

            /**
             * Constructs a new Credentials.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.Credentials.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Credentials principal. */
            principal: string;

            /** Credentials token. */
            token: string;

            /**
             * Creates a new Credentials instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Credentials instance
             */
            static create(properties: loch.v1.Credentials.$Shape): loch.v1.Credentials & loch.v1.Credentials.$Shape;
            static create(properties?: loch.v1.Credentials.$Properties): loch.v1.Credentials;

            /**
             * Encodes the specified Credentials message. Does not implicitly {@link loch.v1.Credentials.verify|verify} messages.
             * @param message Credentials message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.Credentials.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Credentials message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.Credentials & loch.v1.Credentials.$Shape} Credentials
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.Credentials & loch.v1.Credentials.$Shape;

            /**
             * Creates a Credentials message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Credentials
             */
            static fromObject(object: { [k: string]: any }): loch.v1.Credentials;

            /**
             * Creates a plain object from a Credentials message. Also converts values to other types if specified.
             * @param message Credentials
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.Credentials, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Credentials to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Credentials {

            /** Properties of a Credentials. */
            interface $Properties {

                /** Credentials principal */
                principal?: (string|null);

                /** Credentials token */
                token?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Credentials. */
            type $Shape = loch.v1.Credentials.$Properties;
        }

        /**
         * Properties of an ExecuteQueryRequest.
         * @deprecated Use loch.v1.ExecuteQueryRequest.$Properties instead.
         */
        interface IExecuteQueryRequest extends loch.v1.ExecuteQueryRequest.$Properties {
        }

        /** Represents an ExecuteQueryRequest. */
        class ExecuteQueryRequest {

            /**
             * Constructs a new ExecuteQueryRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ExecuteQueryRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExecuteQueryRequest credentials. */
            credentials?: (loch.v1.Credentials.$Properties|null);

            /** ExecuteQueryRequest sql. */
            sql?: (string|null);

            /** ExecuteQueryRequest plan. */
            plan?: (loch.v1.LogicalPlan.$Properties|null);

            /** ExecuteQueryRequest settings. */
            settings: { [k: string]: string };

            /** ExecuteQueryRequest clientRequestId. */
            clientRequestId: string;

            /** ExecuteQueryRequest query. */
            query?: ("sql"|"plan");

            /**
             * Creates a new ExecuteQueryRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExecuteQueryRequest instance
             */
            static create(properties: loch.v1.ExecuteQueryRequest.$Shape): loch.v1.ExecuteQueryRequest & loch.v1.ExecuteQueryRequest.$Shape;
            static create(properties?: loch.v1.ExecuteQueryRequest.$Properties): loch.v1.ExecuteQueryRequest;

            /**
             * Encodes the specified ExecuteQueryRequest message. Does not implicitly {@link loch.v1.ExecuteQueryRequest.verify|verify} messages.
             * @param message ExecuteQueryRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ExecuteQueryRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExecuteQueryRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ExecuteQueryRequest & loch.v1.ExecuteQueryRequest.$Shape} ExecuteQueryRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ExecuteQueryRequest & loch.v1.ExecuteQueryRequest.$Shape;

            /**
             * Creates an ExecuteQueryRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExecuteQueryRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ExecuteQueryRequest;

            /**
             * Creates a plain object from an ExecuteQueryRequest message. Also converts values to other types if specified.
             * @param message ExecuteQueryRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ExecuteQueryRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExecuteQueryRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ExecuteQueryRequest {

            /** Properties of an ExecuteQueryRequest. */
            interface $Properties {

                /** ExecuteQueryRequest credentials */
                credentials?: (loch.v1.Credentials.$Properties|null);

                /** ExecuteQueryRequest sql */
                sql?: (string|null);

                /** ExecuteQueryRequest plan */
                plan?: (loch.v1.LogicalPlan.$Properties|null);

                /** ExecuteQueryRequest settings */
                settings?: ({ [k: string]: string }|null);

                /** ExecuteQueryRequest clientRequestId */
                clientRequestId?: (string|null);

                /** ExecuteQueryRequest query */
                query?: ("sql"|"plan");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an ExecuteQueryRequest. */
            type $Shape = {
              credentials?: loch.v1.Credentials.$Shape|null;
              sql?: string|null;
              plan?: loch.v1.LogicalPlan.$Shape|null;
              settings?: { [k: string]: string }|null;
              clientRequestId?: string|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ query?: undefined; sql?: null; plan?: null }|{ query?: "sql"; sql: string; plan?: null }|{ query?: "plan"; sql?: null; plan: loch.v1.LogicalPlan.$Shape })
            );
        }

        /** JobState enum. */
        enum JobState {

            /** JOB_STATE_UNSPECIFIED value */
            JOB_STATE_UNSPECIFIED = 0,

            /** QUEUED value */
            QUEUED = 1,

            /** RUNNING value */
            RUNNING = 2,

            /** SUCCEEDED value */
            SUCCEEDED = 3,

            /** FAILED value */
            FAILED = 4,

            /** CANCELLED value */
            CANCELLED = 5
        }

        /** StageState enum. */
        enum StageState {

            /** STAGE_STATE_UNSPECIFIED value */
            STAGE_STATE_UNSPECIFIED = 0,

            /** UNRESOLVED value */
            UNRESOLVED = 1,

            /** RESOLVED value */
            RESOLVED = 2,

            /** STAGE_RUNNING value */
            STAGE_RUNNING = 3,

            /** SUCCESSFUL value */
            SUCCESSFUL = 4,

            /** STAGE_FAILED value */
            STAGE_FAILED = 5
        }

        /**
         * Properties of a StageProgress.
         * @deprecated Use loch.v1.StageProgress.$Properties instead.
         */
        interface IStageProgress extends loch.v1.StageProgress.$Properties {
        }

        /** Represents a StageProgress. */
        class StageProgress {

            /**
             * Constructs a new StageProgress.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.StageProgress.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StageProgress stageId. */
            stageId: number;

            /** StageProgress stageAttempt. */
            stageAttempt: number;

            /** StageProgress state. */
            state: loch.v1.StageState;

            /** StageProgress partitionCount. */
            partitionCount: number;

            /** StageProgress partitionsDone. */
            partitionsDone: number;

            /** StageProgress tasksRunning. */
            tasksRunning: number;

            /** StageProgress taskRetries. */
            taskRetries: number;

            /** StageProgress output. */
            output?: (loch.v1.PartitionStats.$Properties|null);

            /**
             * Creates a new StageProgress instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StageProgress instance
             */
            static create(properties: loch.v1.StageProgress.$Shape): loch.v1.StageProgress & loch.v1.StageProgress.$Shape;
            static create(properties?: loch.v1.StageProgress.$Properties): loch.v1.StageProgress;

            /**
             * Encodes the specified StageProgress message. Does not implicitly {@link loch.v1.StageProgress.verify|verify} messages.
             * @param message StageProgress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.StageProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StageProgress message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.StageProgress & loch.v1.StageProgress.$Shape} StageProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.StageProgress & loch.v1.StageProgress.$Shape;

            /**
             * Creates a StageProgress message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StageProgress
             */
            static fromObject(object: { [k: string]: any }): loch.v1.StageProgress;

            /**
             * Creates a plain object from a StageProgress message. Also converts values to other types if specified.
             * @param message StageProgress
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.StageProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StageProgress to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace StageProgress {

            /** Properties of a StageProgress. */
            interface $Properties {

                /** StageProgress stageId */
                stageId?: (number|null);

                /** StageProgress stageAttempt */
                stageAttempt?: (number|null);

                /** StageProgress state */
                state?: (loch.v1.StageState|null);

                /** StageProgress partitionCount */
                partitionCount?: (number|null);

                /** StageProgress partitionsDone */
                partitionsDone?: (number|null);

                /** StageProgress tasksRunning */
                tasksRunning?: (number|null);

                /** StageProgress taskRetries */
                taskRetries?: (number|null);

                /** StageProgress output */
                output?: (loch.v1.PartitionStats.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StageProgress. */
            type $Shape = loch.v1.StageProgress.$Properties;
        }

        /**
         * Properties of a JobProgress.
         * @deprecated Use loch.v1.JobProgress.$Properties instead.
         */
        interface IJobProgress extends loch.v1.JobProgress.$Properties {
        }

        /** Represents a JobProgress. */
        class JobProgress {

            /**
             * Constructs a new JobProgress.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.JobProgress.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobProgress state. */
            state: loch.v1.JobState;

            /** JobProgress stages. */
            stages: loch.v1.StageProgress.$Properties[];

            /** JobProgress elapsedMs. */
            elapsedMs: number;

            /**
             * Creates a new JobProgress instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobProgress instance
             */
            static create(properties: loch.v1.JobProgress.$Shape): loch.v1.JobProgress & loch.v1.JobProgress.$Shape;
            static create(properties?: loch.v1.JobProgress.$Properties): loch.v1.JobProgress;

            /**
             * Encodes the specified JobProgress message. Does not implicitly {@link loch.v1.JobProgress.verify|verify} messages.
             * @param message JobProgress message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.JobProgress.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobProgress message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.JobProgress & loch.v1.JobProgress.$Shape} JobProgress
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.JobProgress & loch.v1.JobProgress.$Shape;

            /**
             * Creates a JobProgress message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobProgress
             */
            static fromObject(object: { [k: string]: any }): loch.v1.JobProgress;

            /**
             * Creates a plain object from a JobProgress message. Also converts values to other types if specified.
             * @param message JobProgress
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.JobProgress, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobProgress to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace JobProgress {

            /** Properties of a JobProgress. */
            interface $Properties {

                /** JobProgress state */
                state?: (loch.v1.JobState|null);

                /** JobProgress stages */
                stages?: (loch.v1.StageProgress.$Properties[]|null);

                /** JobProgress elapsedMs */
                elapsedMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobProgress. */
            type $Shape = loch.v1.JobProgress.$Properties;
        }

        /**
         * Properties of a JobAccepted.
         * @deprecated Use loch.v1.JobAccepted.$Properties instead.
         */
        interface IJobAccepted extends loch.v1.JobAccepted.$Properties {
        }

        /** Represents a JobAccepted. */
        class JobAccepted {

            /**
             * Constructs a new JobAccepted.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.JobAccepted.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobAccepted jobId. */
            jobId: string;

            /**
             * Creates a new JobAccepted instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobAccepted instance
             */
            static create(properties: loch.v1.JobAccepted.$Shape): loch.v1.JobAccepted & loch.v1.JobAccepted.$Shape;
            static create(properties?: loch.v1.JobAccepted.$Properties): loch.v1.JobAccepted;

            /**
             * Encodes the specified JobAccepted message. Does not implicitly {@link loch.v1.JobAccepted.verify|verify} messages.
             * @param message JobAccepted message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.JobAccepted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobAccepted message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.JobAccepted & loch.v1.JobAccepted.$Shape} JobAccepted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.JobAccepted & loch.v1.JobAccepted.$Shape;

            /**
             * Creates a JobAccepted message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobAccepted
             */
            static fromObject(object: { [k: string]: any }): loch.v1.JobAccepted;

            /**
             * Creates a plain object from a JobAccepted message. Also converts values to other types if specified.
             * @param message JobAccepted
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.JobAccepted, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobAccepted to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace JobAccepted {

            /** Properties of a JobAccepted. */
            interface $Properties {

                /** JobAccepted jobId */
                jobId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobAccepted. */
            type $Shape = loch.v1.JobAccepted.$Properties;
        }

        /**
         * Properties of a JobSucceeded.
         * @deprecated Use loch.v1.JobSucceeded.$Properties instead.
         */
        interface IJobSucceeded extends loch.v1.JobSucceeded.$Properties {
        }

        /** Represents a JobSucceeded. */
        class JobSucceeded {

            /**
             * Constructs a new JobSucceeded.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.JobSucceeded.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobSucceeded rows. */
            rows: number;

            /** JobSucceeded elapsedMs. */
            elapsedMs: number;

            /** JobSucceeded commandTag. */
            commandTag: string;

            /** JobSucceeded statements. */
            statements: number;

            /**
             * Creates a new JobSucceeded instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobSucceeded instance
             */
            static create(properties: loch.v1.JobSucceeded.$Shape): loch.v1.JobSucceeded & loch.v1.JobSucceeded.$Shape;
            static create(properties?: loch.v1.JobSucceeded.$Properties): loch.v1.JobSucceeded;

            /**
             * Encodes the specified JobSucceeded message. Does not implicitly {@link loch.v1.JobSucceeded.verify|verify} messages.
             * @param message JobSucceeded message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.JobSucceeded.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobSucceeded message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.JobSucceeded & loch.v1.JobSucceeded.$Shape} JobSucceeded
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.JobSucceeded & loch.v1.JobSucceeded.$Shape;

            /**
             * Creates a JobSucceeded message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobSucceeded
             */
            static fromObject(object: { [k: string]: any }): loch.v1.JobSucceeded;

            /**
             * Creates a plain object from a JobSucceeded message. Also converts values to other types if specified.
             * @param message JobSucceeded
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.JobSucceeded, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobSucceeded to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace JobSucceeded {

            /** Properties of a JobSucceeded. */
            interface $Properties {

                /** JobSucceeded rows */
                rows?: (number|null);

                /** JobSucceeded elapsedMs */
                elapsedMs?: (number|null);

                /** JobSucceeded commandTag */
                commandTag?: (string|null);

                /** JobSucceeded statements */
                statements?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobSucceeded. */
            type $Shape = loch.v1.JobSucceeded.$Properties;
        }

        /**
         * Properties of a StatementCompleted.
         * @deprecated Use loch.v1.StatementCompleted.$Properties instead.
         */
        interface IStatementCompleted extends loch.v1.StatementCompleted.$Properties {
        }

        /** Represents a StatementCompleted. */
        class StatementCompleted {

            /**
             * Constructs a new StatementCompleted.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.StatementCompleted.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StatementCompleted commandTag. */
            commandTag: string;

            /** StatementCompleted rows. */
            rows: number;

            /** StatementCompleted hasRows. */
            hasRows: boolean;

            /**
             * Creates a new StatementCompleted instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StatementCompleted instance
             */
            static create(properties: loch.v1.StatementCompleted.$Shape): loch.v1.StatementCompleted & loch.v1.StatementCompleted.$Shape;
            static create(properties?: loch.v1.StatementCompleted.$Properties): loch.v1.StatementCompleted;

            /**
             * Encodes the specified StatementCompleted message. Does not implicitly {@link loch.v1.StatementCompleted.verify|verify} messages.
             * @param message StatementCompleted message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.StatementCompleted.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StatementCompleted message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.StatementCompleted & loch.v1.StatementCompleted.$Shape} StatementCompleted
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.StatementCompleted & loch.v1.StatementCompleted.$Shape;

            /**
             * Creates a StatementCompleted message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StatementCompleted
             */
            static fromObject(object: { [k: string]: any }): loch.v1.StatementCompleted;

            /**
             * Creates a plain object from a StatementCompleted message. Also converts values to other types if specified.
             * @param message StatementCompleted
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.StatementCompleted, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StatementCompleted to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace StatementCompleted {

            /** Properties of a StatementCompleted. */
            interface $Properties {

                /** StatementCompleted commandTag */
                commandTag?: (string|null);

                /** StatementCompleted rows */
                rows?: (number|null);

                /** StatementCompleted hasRows */
                hasRows?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StatementCompleted. */
            type $Shape = loch.v1.StatementCompleted.$Properties;
        }

        /**
         * Properties of a JobFailed.
         * @deprecated Use loch.v1.JobFailed.$Properties instead.
         */
        interface IJobFailed extends loch.v1.JobFailed.$Properties {
        }

        /** Represents a JobFailed. */
        class JobFailed {

            /**
             * Constructs a new JobFailed.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.JobFailed.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobFailed error. */
            error?: (loch.v1.JobError.$Properties|null);

            /**
             * Creates a new JobFailed instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobFailed instance
             */
            static create(properties: loch.v1.JobFailed.$Shape): loch.v1.JobFailed & loch.v1.JobFailed.$Shape;
            static create(properties?: loch.v1.JobFailed.$Properties): loch.v1.JobFailed;

            /**
             * Encodes the specified JobFailed message. Does not implicitly {@link loch.v1.JobFailed.verify|verify} messages.
             * @param message JobFailed message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.JobFailed.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobFailed message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.JobFailed & loch.v1.JobFailed.$Shape} JobFailed
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.JobFailed & loch.v1.JobFailed.$Shape;

            /**
             * Creates a JobFailed message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobFailed
             */
            static fromObject(object: { [k: string]: any }): loch.v1.JobFailed;

            /**
             * Creates a plain object from a JobFailed message. Also converts values to other types if specified.
             * @param message JobFailed
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.JobFailed, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobFailed to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace JobFailed {

            /** Properties of a JobFailed. */
            interface $Properties {

                /** JobFailed error */
                error?: (loch.v1.JobError.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobFailed. */
            type $Shape = loch.v1.JobFailed.$Properties;
        }

        /**
         * Properties of a QueryEvent.
         * @deprecated Use loch.v1.QueryEvent.$Properties instead.
         */
        interface IQueryEvent extends loch.v1.QueryEvent.$Properties {
        }

        /** Represents a QueryEvent. */
        class QueryEvent {

            /**
             * Constructs a new QueryEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.QueryEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** QueryEvent jobId. */
            jobId: string;

            /** QueryEvent accepted. */
            accepted?: (loch.v1.JobAccepted.$Properties|null);

            /** QueryEvent progress. */
            progress?: (loch.v1.JobProgress.$Properties|null);

            /** QueryEvent resultChunk. */
            resultChunk?: (loch.v1.ArrowIpcChunk.$Properties|null);

            /** QueryEvent succeeded. */
            succeeded?: (loch.v1.JobSucceeded.$Properties|null);

            /** QueryEvent failed. */
            failed?: (loch.v1.JobFailed.$Properties|null);

            /** QueryEvent statementCompleted. */
            statementCompleted?: (loch.v1.StatementCompleted.$Properties|null);

            /** QueryEvent statementIndex. */
            statementIndex: number;

            /** QueryEvent event. */
            event?: ("accepted"|"progress"|"resultChunk"|"succeeded"|"failed"|"statementCompleted");

            /**
             * Creates a new QueryEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns QueryEvent instance
             */
            static create(properties: loch.v1.QueryEvent.$Shape): loch.v1.QueryEvent & loch.v1.QueryEvent.$Shape;
            static create(properties?: loch.v1.QueryEvent.$Properties): loch.v1.QueryEvent;

            /**
             * Encodes the specified QueryEvent message. Does not implicitly {@link loch.v1.QueryEvent.verify|verify} messages.
             * @param message QueryEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.QueryEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a QueryEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.QueryEvent & loch.v1.QueryEvent.$Shape} QueryEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.QueryEvent & loch.v1.QueryEvent.$Shape;

            /**
             * Creates a QueryEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns QueryEvent
             */
            static fromObject(object: { [k: string]: any }): loch.v1.QueryEvent;

            /**
             * Creates a plain object from a QueryEvent message. Also converts values to other types if specified.
             * @param message QueryEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.QueryEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this QueryEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace QueryEvent {

            /** Properties of a QueryEvent. */
            interface $Properties {

                /** QueryEvent jobId */
                jobId?: (string|null);

                /** QueryEvent accepted */
                accepted?: (loch.v1.JobAccepted.$Properties|null);

                /** QueryEvent progress */
                progress?: (loch.v1.JobProgress.$Properties|null);

                /** QueryEvent resultChunk */
                resultChunk?: (loch.v1.ArrowIpcChunk.$Properties|null);

                /** QueryEvent succeeded */
                succeeded?: (loch.v1.JobSucceeded.$Properties|null);

                /** QueryEvent failed */
                failed?: (loch.v1.JobFailed.$Properties|null);

                /** QueryEvent statementCompleted */
                statementCompleted?: (loch.v1.StatementCompleted.$Properties|null);

                /** QueryEvent statementIndex */
                statementIndex?: (number|null);

                /** QueryEvent event */
                event?: ("accepted"|"progress"|"resultChunk"|"succeeded"|"failed"|"statementCompleted");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a QueryEvent. */
            type $Shape = {
              jobId?: string|null;
              accepted?: loch.v1.JobAccepted.$Shape|null;
              progress?: loch.v1.JobProgress.$Shape|null;
              resultChunk?: loch.v1.ArrowIpcChunk.$Shape|null;
              succeeded?: loch.v1.JobSucceeded.$Shape|null;
              failed?: loch.v1.JobFailed.$Shape|null;
              statementCompleted?: loch.v1.StatementCompleted.$Shape|null;
              statementIndex?: number|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ event?: undefined; accepted?: null; progress?: null; resultChunk?: null; succeeded?: null; failed?: null; statementCompleted?: null }|{ event?: "accepted"; accepted: loch.v1.JobAccepted.$Shape; progress?: null; resultChunk?: null; succeeded?: null; failed?: null; statementCompleted?: null }|{ event?: "progress"; accepted?: null; progress: loch.v1.JobProgress.$Shape; resultChunk?: null; succeeded?: null; failed?: null; statementCompleted?: null }|{ event?: "resultChunk"; accepted?: null; progress?: null; resultChunk: loch.v1.ArrowIpcChunk.$Shape; succeeded?: null; failed?: null; statementCompleted?: null }|{ event?: "succeeded"; accepted?: null; progress?: null; resultChunk?: null; succeeded: loch.v1.JobSucceeded.$Shape; failed?: null; statementCompleted?: null }|{ event?: "failed"; accepted?: null; progress?: null; resultChunk?: null; succeeded?: null; failed: loch.v1.JobFailed.$Shape; statementCompleted?: null }|{ event?: "statementCompleted"; accepted?: null; progress?: null; resultChunk?: null; succeeded?: null; failed?: null; statementCompleted: loch.v1.StatementCompleted.$Shape })
            );
        }

        /**
         * Properties of a CancelQueryRequest.
         * @deprecated Use loch.v1.CancelQueryRequest.$Properties instead.
         */
        interface ICancelQueryRequest extends loch.v1.CancelQueryRequest.$Properties {
        }

        /** Represents a CancelQueryRequest. */
        class CancelQueryRequest {

            /**
             * Constructs a new CancelQueryRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CancelQueryRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelQueryRequest credentials. */
            credentials?: (loch.v1.Credentials.$Properties|null);

            /** CancelQueryRequest jobId. */
            jobId: string;

            /**
             * Creates a new CancelQueryRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelQueryRequest instance
             */
            static create(properties: loch.v1.CancelQueryRequest.$Shape): loch.v1.CancelQueryRequest & loch.v1.CancelQueryRequest.$Shape;
            static create(properties?: loch.v1.CancelQueryRequest.$Properties): loch.v1.CancelQueryRequest;

            /**
             * Encodes the specified CancelQueryRequest message. Does not implicitly {@link loch.v1.CancelQueryRequest.verify|verify} messages.
             * @param message CancelQueryRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CancelQueryRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelQueryRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CancelQueryRequest & loch.v1.CancelQueryRequest.$Shape} CancelQueryRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CancelQueryRequest & loch.v1.CancelQueryRequest.$Shape;

            /**
             * Creates a CancelQueryRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelQueryRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CancelQueryRequest;

            /**
             * Creates a plain object from a CancelQueryRequest message. Also converts values to other types if specified.
             * @param message CancelQueryRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CancelQueryRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelQueryRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelQueryRequest {

            /** Properties of a CancelQueryRequest. */
            interface $Properties {

                /** CancelQueryRequest credentials */
                credentials?: (loch.v1.Credentials.$Properties|null);

                /** CancelQueryRequest jobId */
                jobId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelQueryRequest. */
            type $Shape = loch.v1.CancelQueryRequest.$Properties;
        }

        /**
         * Properties of a CancelQueryResponse.
         * @deprecated Use loch.v1.CancelQueryResponse.$Properties instead.
         */
        interface ICancelQueryResponse extends loch.v1.CancelQueryResponse.$Properties {
        }

        /** Represents a CancelQueryResponse. */
        class CancelQueryResponse {

            /**
             * Constructs a new CancelQueryResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CancelQueryResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelQueryResponse cancelled. */
            cancelled: boolean;

            /**
             * Creates a new CancelQueryResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelQueryResponse instance
             */
            static create(properties: loch.v1.CancelQueryResponse.$Shape): loch.v1.CancelQueryResponse & loch.v1.CancelQueryResponse.$Shape;
            static create(properties?: loch.v1.CancelQueryResponse.$Properties): loch.v1.CancelQueryResponse;

            /**
             * Encodes the specified CancelQueryResponse message. Does not implicitly {@link loch.v1.CancelQueryResponse.verify|verify} messages.
             * @param message CancelQueryResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CancelQueryResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelQueryResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CancelQueryResponse & loch.v1.CancelQueryResponse.$Shape} CancelQueryResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CancelQueryResponse & loch.v1.CancelQueryResponse.$Shape;

            /**
             * Creates a CancelQueryResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelQueryResponse
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CancelQueryResponse;

            /**
             * Creates a plain object from a CancelQueryResponse message. Also converts values to other types if specified.
             * @param message CancelQueryResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CancelQueryResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelQueryResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelQueryResponse {

            /** Properties of a CancelQueryResponse. */
            interface $Properties {

                /** CancelQueryResponse cancelled */
                cancelled?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelQueryResponse. */
            type $Shape = loch.v1.CancelQueryResponse.$Properties;
        }

        /**
         * Properties of a GetClusterStatusRequest.
         * @deprecated Use loch.v1.GetClusterStatusRequest.$Properties instead.
         */
        interface IGetClusterStatusRequest extends loch.v1.GetClusterStatusRequest.$Properties {
        }

        /** Represents a GetClusterStatusRequest. */
        class GetClusterStatusRequest {

            /**
             * Constructs a new GetClusterStatusRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.GetClusterStatusRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GetClusterStatusRequest credentials. */
            credentials?: (loch.v1.Credentials.$Properties|null);

            /**
             * Creates a new GetClusterStatusRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GetClusterStatusRequest instance
             */
            static create(properties: loch.v1.GetClusterStatusRequest.$Shape): loch.v1.GetClusterStatusRequest & loch.v1.GetClusterStatusRequest.$Shape;
            static create(properties?: loch.v1.GetClusterStatusRequest.$Properties): loch.v1.GetClusterStatusRequest;

            /**
             * Encodes the specified GetClusterStatusRequest message. Does not implicitly {@link loch.v1.GetClusterStatusRequest.verify|verify} messages.
             * @param message GetClusterStatusRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.GetClusterStatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetClusterStatusRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.GetClusterStatusRequest & loch.v1.GetClusterStatusRequest.$Shape} GetClusterStatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.GetClusterStatusRequest & loch.v1.GetClusterStatusRequest.$Shape;

            /**
             * Creates a GetClusterStatusRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GetClusterStatusRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.GetClusterStatusRequest;

            /**
             * Creates a plain object from a GetClusterStatusRequest message. Also converts values to other types if specified.
             * @param message GetClusterStatusRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.GetClusterStatusRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GetClusterStatusRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace GetClusterStatusRequest {

            /** Properties of a GetClusterStatusRequest. */
            interface $Properties {

                /** GetClusterStatusRequest credentials */
                credentials?: (loch.v1.Credentials.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GetClusterStatusRequest. */
            type $Shape = loch.v1.GetClusterStatusRequest.$Properties;
        }

        /**
         * Properties of a WorkerStatus.
         * @deprecated Use loch.v1.WorkerStatus.$Properties instead.
         */
        interface IWorkerStatus extends loch.v1.WorkerStatus.$Properties {
        }

        /** Represents a WorkerStatus. */
        class WorkerStatus {

            /**
             * Constructs a new WorkerStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.WorkerStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WorkerStatus worker. */
            worker?: (loch.v1.WorkerInfo.$Properties|null);

            /** WorkerStatus freeSlots. */
            freeSlots: number;

            /** WorkerStatus lastHeartbeatMs. */
            lastHeartbeatMs: number;

            /**
             * Creates a new WorkerStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkerStatus instance
             */
            static create(properties: loch.v1.WorkerStatus.$Shape): loch.v1.WorkerStatus & loch.v1.WorkerStatus.$Shape;
            static create(properties?: loch.v1.WorkerStatus.$Properties): loch.v1.WorkerStatus;

            /**
             * Encodes the specified WorkerStatus message. Does not implicitly {@link loch.v1.WorkerStatus.verify|verify} messages.
             * @param message WorkerStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.WorkerStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkerStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.WorkerStatus & loch.v1.WorkerStatus.$Shape} WorkerStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.WorkerStatus & loch.v1.WorkerStatus.$Shape;

            /**
             * Creates a WorkerStatus message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkerStatus
             */
            static fromObject(object: { [k: string]: any }): loch.v1.WorkerStatus;

            /**
             * Creates a plain object from a WorkerStatus message. Also converts values to other types if specified.
             * @param message WorkerStatus
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.WorkerStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkerStatus to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace WorkerStatus {

            /** Properties of a WorkerStatus. */
            interface $Properties {

                /** WorkerStatus worker */
                worker?: (loch.v1.WorkerInfo.$Properties|null);

                /** WorkerStatus freeSlots */
                freeSlots?: (number|null);

                /** WorkerStatus lastHeartbeatMs */
                lastHeartbeatMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WorkerStatus. */
            type $Shape = loch.v1.WorkerStatus.$Properties;
        }

        /**
         * Properties of a JobSummary.
         * @deprecated Use loch.v1.JobSummary.$Properties instead.
         */
        interface IJobSummary extends loch.v1.JobSummary.$Properties {
        }

        /** Represents a JobSummary. */
        class JobSummary {

            /**
             * Constructs a new JobSummary.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.JobSummary.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobSummary jobId. */
            jobId: string;

            /** JobSummary principal. */
            principal: string;

            /** JobSummary sql. */
            sql: string;

            /** JobSummary progress. */
            progress?: (loch.v1.JobProgress.$Properties|null);

            /**
             * Creates a new JobSummary instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobSummary instance
             */
            static create(properties: loch.v1.JobSummary.$Shape): loch.v1.JobSummary & loch.v1.JobSummary.$Shape;
            static create(properties?: loch.v1.JobSummary.$Properties): loch.v1.JobSummary;

            /**
             * Encodes the specified JobSummary message. Does not implicitly {@link loch.v1.JobSummary.verify|verify} messages.
             * @param message JobSummary message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.JobSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobSummary message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.JobSummary & loch.v1.JobSummary.$Shape} JobSummary
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.JobSummary & loch.v1.JobSummary.$Shape;

            /**
             * Creates a JobSummary message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobSummary
             */
            static fromObject(object: { [k: string]: any }): loch.v1.JobSummary;

            /**
             * Creates a plain object from a JobSummary message. Also converts values to other types if specified.
             * @param message JobSummary
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.JobSummary, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobSummary to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace JobSummary {

            /** Properties of a JobSummary. */
            interface $Properties {

                /** JobSummary jobId */
                jobId?: (string|null);

                /** JobSummary principal */
                principal?: (string|null);

                /** JobSummary sql */
                sql?: (string|null);

                /** JobSummary progress */
                progress?: (loch.v1.JobProgress.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobSummary. */
            type $Shape = loch.v1.JobSummary.$Properties;
        }

        /**
         * Properties of a ClusterStatus.
         * @deprecated Use loch.v1.ClusterStatus.$Properties instead.
         */
        interface IClusterStatus extends loch.v1.ClusterStatus.$Properties {
        }

        /** Represents a ClusterStatus. */
        class ClusterStatus {

            /**
             * Constructs a new ClusterStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ClusterStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClusterStatus coordinatorId. */
            coordinatorId: string;

            /** ClusterStatus leader. */
            leader: boolean;

            /** ClusterStatus workers. */
            workers: loch.v1.WorkerStatus.$Properties[];

            /** ClusterStatus jobs. */
            jobs: loch.v1.JobSummary.$Properties[];

            /**
             * Creates a new ClusterStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClusterStatus instance
             */
            static create(properties: loch.v1.ClusterStatus.$Shape): loch.v1.ClusterStatus & loch.v1.ClusterStatus.$Shape;
            static create(properties?: loch.v1.ClusterStatus.$Properties): loch.v1.ClusterStatus;

            /**
             * Encodes the specified ClusterStatus message. Does not implicitly {@link loch.v1.ClusterStatus.verify|verify} messages.
             * @param message ClusterStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ClusterStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClusterStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ClusterStatus & loch.v1.ClusterStatus.$Shape} ClusterStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ClusterStatus & loch.v1.ClusterStatus.$Shape;

            /**
             * Creates a ClusterStatus message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ClusterStatus
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ClusterStatus;

            /**
             * Creates a plain object from a ClusterStatus message. Also converts values to other types if specified.
             * @param message ClusterStatus
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ClusterStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClusterStatus to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ClusterStatus {

            /** Properties of a ClusterStatus. */
            interface $Properties {

                /** ClusterStatus coordinatorId */
                coordinatorId?: (string|null);

                /** ClusterStatus leader */
                leader?: (boolean|null);

                /** ClusterStatus workers */
                workers?: (loch.v1.WorkerStatus.$Properties[]|null);

                /** ClusterStatus jobs */
                jobs?: (loch.v1.JobSummary.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClusterStatus. */
            type $Shape = loch.v1.ClusterStatus.$Properties;
        }

        /**
         * Properties of a WorkerInfo.
         * @deprecated Use loch.v1.WorkerInfo.$Properties instead.
         */
        interface IWorkerInfo extends loch.v1.WorkerInfo.$Properties {
        }

        /** Represents a WorkerInfo. */
        class WorkerInfo {

            /**
             * Constructs a new WorkerInfo.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.WorkerInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WorkerInfo workerId. */
            workerId: string;

            /** WorkerInfo host. */
            host: string;

            /** WorkerInfo port. */
            port: number;

            /** WorkerInfo taskSlots. */
            taskSlots: number;

            /** WorkerInfo version. */
            version: string;

            /**
             * Creates a new WorkerInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkerInfo instance
             */
            static create(properties: loch.v1.WorkerInfo.$Shape): loch.v1.WorkerInfo & loch.v1.WorkerInfo.$Shape;
            static create(properties?: loch.v1.WorkerInfo.$Properties): loch.v1.WorkerInfo;

            /**
             * Encodes the specified WorkerInfo message. Does not implicitly {@link loch.v1.WorkerInfo.verify|verify} messages.
             * @param message WorkerInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.WorkerInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkerInfo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.WorkerInfo & loch.v1.WorkerInfo.$Shape} WorkerInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.WorkerInfo & loch.v1.WorkerInfo.$Shape;

            /**
             * Creates a WorkerInfo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkerInfo
             */
            static fromObject(object: { [k: string]: any }): loch.v1.WorkerInfo;

            /**
             * Creates a plain object from a WorkerInfo message. Also converts values to other types if specified.
             * @param message WorkerInfo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.WorkerInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkerInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace WorkerInfo {

            /** Properties of a WorkerInfo. */
            interface $Properties {

                /** WorkerInfo workerId */
                workerId?: (string|null);

                /** WorkerInfo host */
                host?: (string|null);

                /** WorkerInfo port */
                port?: (number|null);

                /** WorkerInfo taskSlots */
                taskSlots?: (number|null);

                /** WorkerInfo version */
                version?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WorkerInfo. */
            type $Shape = loch.v1.WorkerInfo.$Properties;
        }

        /**
         * Properties of a RegisterWorkerRequest.
         * @deprecated Use loch.v1.RegisterWorkerRequest.$Properties instead.
         */
        interface IRegisterWorkerRequest extends loch.v1.RegisterWorkerRequest.$Properties {
        }

        /** Represents a RegisterWorkerRequest. */
        class RegisterWorkerRequest {

            /**
             * Constructs a new RegisterWorkerRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.RegisterWorkerRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RegisterWorkerRequest protocolVersion. */
            protocolVersion: number;

            /** RegisterWorkerRequest worker. */
            worker?: (loch.v1.WorkerInfo.$Properties|null);

            /**
             * Creates a new RegisterWorkerRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RegisterWorkerRequest instance
             */
            static create(properties: loch.v1.RegisterWorkerRequest.$Shape): loch.v1.RegisterWorkerRequest & loch.v1.RegisterWorkerRequest.$Shape;
            static create(properties?: loch.v1.RegisterWorkerRequest.$Properties): loch.v1.RegisterWorkerRequest;

            /**
             * Encodes the specified RegisterWorkerRequest message. Does not implicitly {@link loch.v1.RegisterWorkerRequest.verify|verify} messages.
             * @param message RegisterWorkerRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.RegisterWorkerRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RegisterWorkerRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.RegisterWorkerRequest & loch.v1.RegisterWorkerRequest.$Shape} RegisterWorkerRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.RegisterWorkerRequest & loch.v1.RegisterWorkerRequest.$Shape;

            /**
             * Creates a RegisterWorkerRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RegisterWorkerRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.RegisterWorkerRequest;

            /**
             * Creates a plain object from a RegisterWorkerRequest message. Also converts values to other types if specified.
             * @param message RegisterWorkerRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.RegisterWorkerRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RegisterWorkerRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace RegisterWorkerRequest {

            /** Properties of a RegisterWorkerRequest. */
            interface $Properties {

                /** RegisterWorkerRequest protocolVersion */
                protocolVersion?: (number|null);

                /** RegisterWorkerRequest worker */
                worker?: (loch.v1.WorkerInfo.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RegisterWorkerRequest. */
            type $Shape = loch.v1.RegisterWorkerRequest.$Properties;
        }

        /**
         * Properties of a RegisterWorkerResponse.
         * @deprecated Use loch.v1.RegisterWorkerResponse.$Properties instead.
         */
        interface IRegisterWorkerResponse extends loch.v1.RegisterWorkerResponse.$Properties {
        }

        /** Represents a RegisterWorkerResponse. */
        class RegisterWorkerResponse {

            /**
             * Constructs a new RegisterWorkerResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.RegisterWorkerResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RegisterWorkerResponse accepted. */
            accepted: boolean;

            /** RegisterWorkerResponse protocolVersion. */
            protocolVersion: number;

            /** RegisterWorkerResponse reason. */
            reason: string;

            /** RegisterWorkerResponse leaseTtlMs. */
            leaseTtlMs: number;

            /**
             * Creates a new RegisterWorkerResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RegisterWorkerResponse instance
             */
            static create(properties: loch.v1.RegisterWorkerResponse.$Shape): loch.v1.RegisterWorkerResponse & loch.v1.RegisterWorkerResponse.$Shape;
            static create(properties?: loch.v1.RegisterWorkerResponse.$Properties): loch.v1.RegisterWorkerResponse;

            /**
             * Encodes the specified RegisterWorkerResponse message. Does not implicitly {@link loch.v1.RegisterWorkerResponse.verify|verify} messages.
             * @param message RegisterWorkerResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.RegisterWorkerResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RegisterWorkerResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.RegisterWorkerResponse & loch.v1.RegisterWorkerResponse.$Shape} RegisterWorkerResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.RegisterWorkerResponse & loch.v1.RegisterWorkerResponse.$Shape;

            /**
             * Creates a RegisterWorkerResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RegisterWorkerResponse
             */
            static fromObject(object: { [k: string]: any }): loch.v1.RegisterWorkerResponse;

            /**
             * Creates a plain object from a RegisterWorkerResponse message. Also converts values to other types if specified.
             * @param message RegisterWorkerResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.RegisterWorkerResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RegisterWorkerResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace RegisterWorkerResponse {

            /** Properties of a RegisterWorkerResponse. */
            interface $Properties {

                /** RegisterWorkerResponse accepted */
                accepted?: (boolean|null);

                /** RegisterWorkerResponse protocolVersion */
                protocolVersion?: (number|null);

                /** RegisterWorkerResponse reason */
                reason?: (string|null);

                /** RegisterWorkerResponse leaseTtlMs */
                leaseTtlMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RegisterWorkerResponse. */
            type $Shape = loch.v1.RegisterWorkerResponse.$Properties;
        }

        /**
         * Properties of a HeartbeatRequest.
         * @deprecated Use loch.v1.HeartbeatRequest.$Properties instead.
         */
        interface IHeartbeatRequest extends loch.v1.HeartbeatRequest.$Properties {
        }

        /** Represents a HeartbeatRequest. */
        class HeartbeatRequest {

            /**
             * Constructs a new HeartbeatRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.HeartbeatRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HeartbeatRequest workerId. */
            workerId: string;

            /** HeartbeatRequest freeSlots. */
            freeSlots: number;

            /** HeartbeatRequest runningTasks. */
            runningTasks: loch.v1.TaskIdentity.$Properties[];

            /**
             * Creates a new HeartbeatRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HeartbeatRequest instance
             */
            static create(properties: loch.v1.HeartbeatRequest.$Shape): loch.v1.HeartbeatRequest & loch.v1.HeartbeatRequest.$Shape;
            static create(properties?: loch.v1.HeartbeatRequest.$Properties): loch.v1.HeartbeatRequest;

            /**
             * Encodes the specified HeartbeatRequest message. Does not implicitly {@link loch.v1.HeartbeatRequest.verify|verify} messages.
             * @param message HeartbeatRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.HeartbeatRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HeartbeatRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.HeartbeatRequest & loch.v1.HeartbeatRequest.$Shape} HeartbeatRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.HeartbeatRequest & loch.v1.HeartbeatRequest.$Shape;

            /**
             * Creates a HeartbeatRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HeartbeatRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.HeartbeatRequest;

            /**
             * Creates a plain object from a HeartbeatRequest message. Also converts values to other types if specified.
             * @param message HeartbeatRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.HeartbeatRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HeartbeatRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HeartbeatRequest {

            /** Properties of a HeartbeatRequest. */
            interface $Properties {

                /** HeartbeatRequest workerId */
                workerId?: (string|null);

                /** HeartbeatRequest freeSlots */
                freeSlots?: (number|null);

                /** HeartbeatRequest runningTasks */
                runningTasks?: (loch.v1.TaskIdentity.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HeartbeatRequest. */
            type $Shape = loch.v1.HeartbeatRequest.$Properties;
        }

        /**
         * Properties of a HeartbeatResponse.
         * @deprecated Use loch.v1.HeartbeatResponse.$Properties instead.
         */
        interface IHeartbeatResponse extends loch.v1.HeartbeatResponse.$Properties {
        }

        /** Represents a HeartbeatResponse. */
        class HeartbeatResponse {

            /**
             * Constructs a new HeartbeatResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.HeartbeatResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HeartbeatResponse reregister. */
            reregister: boolean;

            /**
             * Creates a new HeartbeatResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HeartbeatResponse instance
             */
            static create(properties: loch.v1.HeartbeatResponse.$Shape): loch.v1.HeartbeatResponse & loch.v1.HeartbeatResponse.$Shape;
            static create(properties?: loch.v1.HeartbeatResponse.$Properties): loch.v1.HeartbeatResponse;

            /**
             * Encodes the specified HeartbeatResponse message. Does not implicitly {@link loch.v1.HeartbeatResponse.verify|verify} messages.
             * @param message HeartbeatResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.HeartbeatResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HeartbeatResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.HeartbeatResponse & loch.v1.HeartbeatResponse.$Shape} HeartbeatResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.HeartbeatResponse & loch.v1.HeartbeatResponse.$Shape;

            /**
             * Creates a HeartbeatResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HeartbeatResponse
             */
            static fromObject(object: { [k: string]: any }): loch.v1.HeartbeatResponse;

            /**
             * Creates a plain object from a HeartbeatResponse message. Also converts values to other types if specified.
             * @param message HeartbeatResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.HeartbeatResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HeartbeatResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HeartbeatResponse {

            /** Properties of a HeartbeatResponse. */
            interface $Properties {

                /** HeartbeatResponse reregister */
                reregister?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HeartbeatResponse. */
            type $Shape = loch.v1.HeartbeatResponse.$Properties;
        }

        /**
         * Properties of a TaskSucceeded.
         * @deprecated Use loch.v1.TaskSucceeded.$Properties instead.
         */
        interface ITaskSucceeded extends loch.v1.TaskSucceeded.$Properties {
        }

        /** Represents a TaskSucceeded. */
        class TaskSucceeded {

            /**
             * Constructs a new TaskSucceeded.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TaskSucceeded.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskSucceeded locations. */
            locations: loch.v1.PartitionLocation.$Properties[];

            /**
             * Creates a new TaskSucceeded instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskSucceeded instance
             */
            static create(properties: loch.v1.TaskSucceeded.$Shape): loch.v1.TaskSucceeded & loch.v1.TaskSucceeded.$Shape;
            static create(properties?: loch.v1.TaskSucceeded.$Properties): loch.v1.TaskSucceeded;

            /**
             * Encodes the specified TaskSucceeded message. Does not implicitly {@link loch.v1.TaskSucceeded.verify|verify} messages.
             * @param message TaskSucceeded message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TaskSucceeded.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskSucceeded message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TaskSucceeded & loch.v1.TaskSucceeded.$Shape} TaskSucceeded
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TaskSucceeded & loch.v1.TaskSucceeded.$Shape;

            /**
             * Creates a TaskSucceeded message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskSucceeded
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TaskSucceeded;

            /**
             * Creates a plain object from a TaskSucceeded message. Also converts values to other types if specified.
             * @param message TaskSucceeded
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TaskSucceeded, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskSucceeded to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TaskSucceeded {

            /** Properties of a TaskSucceeded. */
            interface $Properties {

                /** TaskSucceeded locations */
                locations?: (loch.v1.PartitionLocation.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskSucceeded. */
            type $Shape = loch.v1.TaskSucceeded.$Properties;
        }

        /**
         * Properties of a TaskMetrics.
         * @deprecated Use loch.v1.TaskMetrics.$Properties instead.
         */
        interface ITaskMetrics extends loch.v1.TaskMetrics.$Properties {
        }

        /** Represents a TaskMetrics. */
        class TaskMetrics {

            /**
             * Constructs a new TaskMetrics.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TaskMetrics.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskMetrics input. */
            input?: (loch.v1.PartitionStats.$Properties|null);

            /** TaskMetrics output. */
            output?: (loch.v1.PartitionStats.$Properties|null);

            /** TaskMetrics shuffleRead. */
            shuffleRead?: (loch.v1.PartitionStats.$Properties|null);

            /** TaskMetrics elapsedMs. */
            elapsedMs: number;

            /**
             * Creates a new TaskMetrics instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskMetrics instance
             */
            static create(properties: loch.v1.TaskMetrics.$Shape): loch.v1.TaskMetrics & loch.v1.TaskMetrics.$Shape;
            static create(properties?: loch.v1.TaskMetrics.$Properties): loch.v1.TaskMetrics;

            /**
             * Encodes the specified TaskMetrics message. Does not implicitly {@link loch.v1.TaskMetrics.verify|verify} messages.
             * @param message TaskMetrics message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TaskMetrics.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskMetrics message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TaskMetrics & loch.v1.TaskMetrics.$Shape} TaskMetrics
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TaskMetrics & loch.v1.TaskMetrics.$Shape;

            /**
             * Creates a TaskMetrics message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskMetrics
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TaskMetrics;

            /**
             * Creates a plain object from a TaskMetrics message. Also converts values to other types if specified.
             * @param message TaskMetrics
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TaskMetrics, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskMetrics to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TaskMetrics {

            /** Properties of a TaskMetrics. */
            interface $Properties {

                /** TaskMetrics input */
                input?: (loch.v1.PartitionStats.$Properties|null);

                /** TaskMetrics output */
                output?: (loch.v1.PartitionStats.$Properties|null);

                /** TaskMetrics shuffleRead */
                shuffleRead?: (loch.v1.PartitionStats.$Properties|null);

                /** TaskMetrics elapsedMs */
                elapsedMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskMetrics. */
            type $Shape = loch.v1.TaskMetrics.$Properties;
        }

        /**
         * Properties of a TaskStatus.
         * @deprecated Use loch.v1.TaskStatus.$Properties instead.
         */
        interface ITaskStatus extends loch.v1.TaskStatus.$Properties {
        }

        /** Represents a TaskStatus. */
        class TaskStatus {

            /**
             * Constructs a new TaskStatus.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TaskStatus.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskStatus task. */
            task?: (loch.v1.TaskIdentity.$Properties|null);

            /** TaskStatus workerId. */
            workerId: string;

            /** TaskStatus succeeded. */
            succeeded?: (loch.v1.TaskSucceeded.$Properties|null);

            /** TaskStatus failed. */
            failed?: (loch.v1.TaskFailure.$Properties|null);

            /** TaskStatus metrics. */
            metrics?: (loch.v1.TaskMetrics.$Properties|null);

            /** TaskStatus status. */
            status?: ("succeeded"|"failed");

            /**
             * Creates a new TaskStatus instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskStatus instance
             */
            static create(properties: loch.v1.TaskStatus.$Shape): loch.v1.TaskStatus & loch.v1.TaskStatus.$Shape;
            static create(properties?: loch.v1.TaskStatus.$Properties): loch.v1.TaskStatus;

            /**
             * Encodes the specified TaskStatus message. Does not implicitly {@link loch.v1.TaskStatus.verify|verify} messages.
             * @param message TaskStatus message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TaskStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskStatus message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TaskStatus & loch.v1.TaskStatus.$Shape} TaskStatus
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TaskStatus & loch.v1.TaskStatus.$Shape;

            /**
             * Creates a TaskStatus message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskStatus
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TaskStatus;

            /**
             * Creates a plain object from a TaskStatus message. Also converts values to other types if specified.
             * @param message TaskStatus
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TaskStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskStatus to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TaskStatus {

            /** Properties of a TaskStatus. */
            interface $Properties {

                /** TaskStatus task */
                task?: (loch.v1.TaskIdentity.$Properties|null);

                /** TaskStatus workerId */
                workerId?: (string|null);

                /** TaskStatus succeeded */
                succeeded?: (loch.v1.TaskSucceeded.$Properties|null);

                /** TaskStatus failed */
                failed?: (loch.v1.TaskFailure.$Properties|null);

                /** TaskStatus metrics */
                metrics?: (loch.v1.TaskMetrics.$Properties|null);

                /** TaskStatus status */
                status?: ("succeeded"|"failed");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a TaskStatus. */
            type $Shape = {
              task?: loch.v1.TaskIdentity.$Shape|null;
              workerId?: string|null;
              succeeded?: loch.v1.TaskSucceeded.$Shape|null;
              failed?: loch.v1.TaskFailure.$Shape|null;
              metrics?: loch.v1.TaskMetrics.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ status?: undefined; succeeded?: null; failed?: null }|{ status?: "succeeded"; succeeded: loch.v1.TaskSucceeded.$Shape; failed?: null }|{ status?: "failed"; succeeded?: null; failed: loch.v1.TaskFailure.$Shape })
            );
        }

        /**
         * Properties of an UpdateTaskStatusRequest.
         * @deprecated Use loch.v1.UpdateTaskStatusRequest.$Properties instead.
         */
        interface IUpdateTaskStatusRequest extends loch.v1.UpdateTaskStatusRequest.$Properties {
        }

        /** Represents an UpdateTaskStatusRequest. */
        class UpdateTaskStatusRequest {

            /**
             * Constructs a new UpdateTaskStatusRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.UpdateTaskStatusRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** UpdateTaskStatusRequest workerId. */
            workerId: string;

            /** UpdateTaskStatusRequest statuses. */
            statuses: loch.v1.TaskStatus.$Properties[];

            /**
             * Creates a new UpdateTaskStatusRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UpdateTaskStatusRequest instance
             */
            static create(properties: loch.v1.UpdateTaskStatusRequest.$Shape): loch.v1.UpdateTaskStatusRequest & loch.v1.UpdateTaskStatusRequest.$Shape;
            static create(properties?: loch.v1.UpdateTaskStatusRequest.$Properties): loch.v1.UpdateTaskStatusRequest;

            /**
             * Encodes the specified UpdateTaskStatusRequest message. Does not implicitly {@link loch.v1.UpdateTaskStatusRequest.verify|verify} messages.
             * @param message UpdateTaskStatusRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.UpdateTaskStatusRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateTaskStatusRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.UpdateTaskStatusRequest & loch.v1.UpdateTaskStatusRequest.$Shape} UpdateTaskStatusRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.UpdateTaskStatusRequest & loch.v1.UpdateTaskStatusRequest.$Shape;

            /**
             * Creates an UpdateTaskStatusRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns UpdateTaskStatusRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.UpdateTaskStatusRequest;

            /**
             * Creates a plain object from an UpdateTaskStatusRequest message. Also converts values to other types if specified.
             * @param message UpdateTaskStatusRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.UpdateTaskStatusRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this UpdateTaskStatusRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace UpdateTaskStatusRequest {

            /** Properties of an UpdateTaskStatusRequest. */
            interface $Properties {

                /** UpdateTaskStatusRequest workerId */
                workerId?: (string|null);

                /** UpdateTaskStatusRequest statuses */
                statuses?: (loch.v1.TaskStatus.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an UpdateTaskStatusRequest. */
            type $Shape = {
              workerId?: string|null;
              statuses?: loch.v1.TaskStatus.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of an UpdateTaskStatusResponse.
         * @deprecated Use loch.v1.UpdateTaskStatusResponse.$Properties instead.
         */
        interface IUpdateTaskStatusResponse extends loch.v1.UpdateTaskStatusResponse.$Properties {
        }

        /** Represents an UpdateTaskStatusResponse. */
        class UpdateTaskStatusResponse {

            /**
             * Constructs a new UpdateTaskStatusResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.UpdateTaskStatusResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new UpdateTaskStatusResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UpdateTaskStatusResponse instance
             */
            static create(properties: loch.v1.UpdateTaskStatusResponse.$Shape): loch.v1.UpdateTaskStatusResponse & loch.v1.UpdateTaskStatusResponse.$Shape;
            static create(properties?: loch.v1.UpdateTaskStatusResponse.$Properties): loch.v1.UpdateTaskStatusResponse;

            /**
             * Encodes the specified UpdateTaskStatusResponse message. Does not implicitly {@link loch.v1.UpdateTaskStatusResponse.verify|verify} messages.
             * @param message UpdateTaskStatusResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.UpdateTaskStatusResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UpdateTaskStatusResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.UpdateTaskStatusResponse & loch.v1.UpdateTaskStatusResponse.$Shape} UpdateTaskStatusResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.UpdateTaskStatusResponse & loch.v1.UpdateTaskStatusResponse.$Shape;

            /**
             * Creates an UpdateTaskStatusResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns UpdateTaskStatusResponse
             */
            static fromObject(object: { [k: string]: any }): loch.v1.UpdateTaskStatusResponse;

            /**
             * Creates a plain object from an UpdateTaskStatusResponse message. Also converts values to other types if specified.
             * @param message UpdateTaskStatusResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.UpdateTaskStatusResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this UpdateTaskStatusResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace UpdateTaskStatusResponse {

            /** Properties of an UpdateTaskStatusResponse. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an UpdateTaskStatusResponse. */
            type $Shape = loch.v1.UpdateTaskStatusResponse.$Properties;
        }

        /**
         * Properties of a DataType.
         * @deprecated Use loch.v1.DataType.$Properties instead.
         */
        interface IDataType extends loch.v1.DataType.$Properties {
        }

        /** Represents a DataType. */
        class DataType {

            /**
             * Constructs a new DataType.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.DataType.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DataType kind. */
            kind: loch.v1.DataType.Kind;

            /** DataType precision. */
            precision: number;

            /** DataType scale. */
            scale: number;

            /** DataType element. */
            element?: (loch.v1.DataType.$Properties|null);

            /** DataType fields. */
            fields: loch.v1.StructFieldType.$Properties[];

            /** DataType key. */
            key?: (loch.v1.DataType.$Properties|null);

            /** DataType value. */
            value?: (loch.v1.DataType.$Properties|null);

            /** DataType json. */
            json: string;

            /**
             * Creates a new DataType instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DataType instance
             */
            static create(properties: loch.v1.DataType.$Shape): loch.v1.DataType & loch.v1.DataType.$Shape;
            static create(properties?: loch.v1.DataType.$Properties): loch.v1.DataType;

            /**
             * Encodes the specified DataType message. Does not implicitly {@link loch.v1.DataType.verify|verify} messages.
             * @param message DataType message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.DataType.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DataType message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.DataType & loch.v1.DataType.$Shape} DataType
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.DataType & loch.v1.DataType.$Shape;

            /**
             * Creates a DataType message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DataType
             */
            static fromObject(object: { [k: string]: any }): loch.v1.DataType;

            /**
             * Creates a plain object from a DataType message. Also converts values to other types if specified.
             * @param message DataType
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.DataType, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DataType to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace DataType {

            /** Properties of a DataType. */
            interface $Properties {

                /** DataType kind */
                kind?: (loch.v1.DataType.Kind|null);

                /** DataType precision */
                precision?: (number|null);

                /** DataType scale */
                scale?: (number|null);

                /** DataType element */
                element?: (loch.v1.DataType.$Properties|null);

                /** DataType fields */
                fields?: (loch.v1.StructFieldType.$Properties[]|null);

                /** DataType key */
                key?: (loch.v1.DataType.$Properties|null);

                /** DataType value */
                value?: (loch.v1.DataType.$Properties|null);

                /** DataType json */
                json?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DataType. */
            type $Shape = loch.v1.DataType.$Properties;

            /** Kind enum. */
            enum Kind {

                /** KIND_UNSPECIFIED value */
                KIND_UNSPECIFIED = 0,

                /** NULL value */
                NULL = 1,

                /** BOOLEAN value */
                BOOLEAN = 2,

                /** INT16 value */
                INT16 = 3,

                /** INT32 value */
                INT32 = 4,

                /** INT64 value */
                INT64 = 5,

                /** FLOAT32 value */
                FLOAT32 = 6,

                /** FLOAT64 value */
                FLOAT64 = 7,

                /** DECIMAL value */
                DECIMAL = 8,

                /** TEXT value */
                TEXT = 9,

                /** DATE value */
                DATE = 10,

                /** TIMESTAMP value */
                TIMESTAMP = 11,

                /** TIMESTAMPTZ value */
                TIMESTAMPTZ = 12,

                /** INTERVAL value */
                INTERVAL = 13,

                /** BINARY value */
                BINARY = 14,

                /** ARRAY value */
                ARRAY = 15,

                /** STRUCT value */
                STRUCT = 16,

                /** MAP value */
                MAP = 17,

                /** TIME value */
                TIME = 18
            }
        }

        /**
         * Properties of a StructFieldType.
         * @deprecated Use loch.v1.StructFieldType.$Properties instead.
         */
        interface IStructFieldType extends loch.v1.StructFieldType.$Properties {
        }

        /** Represents a StructFieldType. */
        class StructFieldType {

            /**
             * Constructs a new StructFieldType.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.StructFieldType.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StructFieldType name. */
            name: string;

            /** StructFieldType type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new StructFieldType instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StructFieldType instance
             */
            static create(properties: loch.v1.StructFieldType.$Shape): loch.v1.StructFieldType & loch.v1.StructFieldType.$Shape;
            static create(properties?: loch.v1.StructFieldType.$Properties): loch.v1.StructFieldType;

            /**
             * Encodes the specified StructFieldType message. Does not implicitly {@link loch.v1.StructFieldType.verify|verify} messages.
             * @param message StructFieldType message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.StructFieldType.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StructFieldType message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.StructFieldType & loch.v1.StructFieldType.$Shape} StructFieldType
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.StructFieldType & loch.v1.StructFieldType.$Shape;

            /**
             * Creates a StructFieldType message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StructFieldType
             */
            static fromObject(object: { [k: string]: any }): loch.v1.StructFieldType;

            /**
             * Creates a plain object from a StructFieldType message. Also converts values to other types if specified.
             * @param message StructFieldType
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.StructFieldType, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StructFieldType to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace StructFieldType {

            /** Properties of a StructFieldType. */
            interface $Properties {

                /** StructFieldType name */
                name?: (string|null);

                /** StructFieldType type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StructFieldType. */
            type $Shape = loch.v1.StructFieldType.$Properties;
        }

        /**
         * Properties of a ListLiteral.
         * @deprecated Use loch.v1.ListLiteral.$Properties instead.
         */
        interface IListLiteral extends loch.v1.ListLiteral.$Properties {
        }

        /** Represents a ListLiteral. */
        class ListLiteral {

            /**
             * Constructs a new ListLiteral.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ListLiteral.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ListLiteral values. */
            values: loch.v1.LiteralValue.$Properties[];

            /**
             * Creates a new ListLiteral instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ListLiteral instance
             */
            static create(properties: loch.v1.ListLiteral.$Shape): loch.v1.ListLiteral & loch.v1.ListLiteral.$Shape;
            static create(properties?: loch.v1.ListLiteral.$Properties): loch.v1.ListLiteral;

            /**
             * Encodes the specified ListLiteral message. Does not implicitly {@link loch.v1.ListLiteral.verify|verify} messages.
             * @param message ListLiteral message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ListLiteral.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ListLiteral message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ListLiteral & loch.v1.ListLiteral.$Shape} ListLiteral
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ListLiteral & loch.v1.ListLiteral.$Shape;

            /**
             * Creates a ListLiteral message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ListLiteral
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ListLiteral;

            /**
             * Creates a plain object from a ListLiteral message. Also converts values to other types if specified.
             * @param message ListLiteral
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ListLiteral, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ListLiteral to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ListLiteral {

            /** Properties of a ListLiteral. */
            interface $Properties {

                /** ListLiteral values */
                values?: (loch.v1.LiteralValue.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ListLiteral. */
            type $Shape = {
              values?: loch.v1.LiteralValue.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a MapLiteral.
         * @deprecated Use loch.v1.MapLiteral.$Properties instead.
         */
        interface IMapLiteral extends loch.v1.MapLiteral.$Properties {
        }

        /** Represents a MapLiteral. */
        class MapLiteral {

            /**
             * Constructs a new MapLiteral.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.MapLiteral.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MapLiteral keys. */
            keys: loch.v1.LiteralValue.$Properties[];

            /** MapLiteral values. */
            values: loch.v1.LiteralValue.$Properties[];

            /**
             * Creates a new MapLiteral instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MapLiteral instance
             */
            static create(properties: loch.v1.MapLiteral.$Shape): loch.v1.MapLiteral & loch.v1.MapLiteral.$Shape;
            static create(properties?: loch.v1.MapLiteral.$Properties): loch.v1.MapLiteral;

            /**
             * Encodes the specified MapLiteral message. Does not implicitly {@link loch.v1.MapLiteral.verify|verify} messages.
             * @param message MapLiteral message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.MapLiteral.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MapLiteral message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.MapLiteral & loch.v1.MapLiteral.$Shape} MapLiteral
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.MapLiteral & loch.v1.MapLiteral.$Shape;

            /**
             * Creates a MapLiteral message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MapLiteral
             */
            static fromObject(object: { [k: string]: any }): loch.v1.MapLiteral;

            /**
             * Creates a plain object from a MapLiteral message. Also converts values to other types if specified.
             * @param message MapLiteral
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.MapLiteral, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MapLiteral to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MapLiteral {

            /** Properties of a MapLiteral. */
            interface $Properties {

                /** MapLiteral keys */
                keys?: (loch.v1.LiteralValue.$Properties[]|null);

                /** MapLiteral values */
                values?: (loch.v1.LiteralValue.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MapLiteral. */
            type $Shape = {
              keys?: loch.v1.LiteralValue.$Shape[]|null;
              values?: loch.v1.LiteralValue.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of an Interval.
         * @deprecated Use loch.v1.Interval.$Properties instead.
         */
        interface IInterval extends loch.v1.Interval.$Properties {
        }

        /** Represents an Interval. */
        class Interval {

            /**
             * Constructs a new Interval.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.Interval.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Interval months. */
            months: number;

            /** Interval days. */
            days: number;

            /** Interval micros. */
            micros: number;

            /**
             * Creates a new Interval instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Interval instance
             */
            static create(properties: loch.v1.Interval.$Shape): loch.v1.Interval & loch.v1.Interval.$Shape;
            static create(properties?: loch.v1.Interval.$Properties): loch.v1.Interval;

            /**
             * Encodes the specified Interval message. Does not implicitly {@link loch.v1.Interval.verify|verify} messages.
             * @param message Interval message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.Interval.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Interval message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.Interval & loch.v1.Interval.$Shape} Interval
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.Interval & loch.v1.Interval.$Shape;

            /**
             * Creates an Interval message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Interval
             */
            static fromObject(object: { [k: string]: any }): loch.v1.Interval;

            /**
             * Creates a plain object from an Interval message. Also converts values to other types if specified.
             * @param message Interval
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.Interval, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Interval to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Interval {

            /** Properties of an Interval. */
            interface $Properties {

                /** Interval months */
                months?: (number|null);

                /** Interval days */
                days?: (number|null);

                /** Interval micros */
                micros?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Interval. */
            type $Shape = loch.v1.Interval.$Properties;
        }

        /**
         * Properties of a LiteralValue.
         * @deprecated Use loch.v1.LiteralValue.$Properties instead.
         */
        interface ILiteralValue extends loch.v1.LiteralValue.$Properties {
        }

        /** Represents a LiteralValue. */
        class LiteralValue {

            /**
             * Constructs a new LiteralValue.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LiteralValue.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LiteralValue boolean. */
            boolean?: (boolean|null);

            /** LiteralValue number. */
            number?: (number|null);

            /** LiteralValue bigInteger. */
            bigInteger?: (string|null);

            /** LiteralValue text. */
            text?: (string|null);

            /** LiteralValue interval. */
            interval?: (loch.v1.Interval.$Properties|null);

            /** LiteralValue binary. */
            binary?: (Uint8Array|null);

            /** LiteralValue list. */
            list?: (loch.v1.ListLiteral.$Properties|null);

            /** LiteralValue struct. */
            struct?: (loch.v1.ListLiteral.$Properties|null);

            /** LiteralValue map. */
            map?: (loch.v1.MapLiteral.$Properties|null);

            /** LiteralValue value. */
            value?: ("boolean"|"number"|"bigInteger"|"text"|"interval"|"binary"|"list"|"struct"|"map");

            /**
             * Creates a new LiteralValue instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LiteralValue instance
             */
            static create(properties: loch.v1.LiteralValue.$Shape): loch.v1.LiteralValue & loch.v1.LiteralValue.$Shape;
            static create(properties?: loch.v1.LiteralValue.$Properties): loch.v1.LiteralValue;

            /**
             * Encodes the specified LiteralValue message. Does not implicitly {@link loch.v1.LiteralValue.verify|verify} messages.
             * @param message LiteralValue message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LiteralValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LiteralValue message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LiteralValue & loch.v1.LiteralValue.$Shape} LiteralValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LiteralValue & loch.v1.LiteralValue.$Shape;

            /**
             * Creates a LiteralValue message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LiteralValue
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LiteralValue;

            /**
             * Creates a plain object from a LiteralValue message. Also converts values to other types if specified.
             * @param message LiteralValue
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LiteralValue, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LiteralValue to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LiteralValue {

            /** Properties of a LiteralValue. */
            interface $Properties {

                /** LiteralValue boolean */
                boolean?: (boolean|null);

                /** LiteralValue number */
                number?: (number|null);

                /** LiteralValue bigInteger */
                bigInteger?: (string|null);

                /** LiteralValue text */
                text?: (string|null);

                /** LiteralValue interval */
                interval?: (loch.v1.Interval.$Properties|null);

                /** LiteralValue binary */
                binary?: (Uint8Array|null);

                /** LiteralValue list */
                list?: (loch.v1.ListLiteral.$Properties|null);

                /** LiteralValue struct */
                struct?: (loch.v1.ListLiteral.$Properties|null);

                /** LiteralValue map */
                map?: (loch.v1.MapLiteral.$Properties|null);

                /** LiteralValue value */
                value?: ("boolean"|"number"|"bigInteger"|"text"|"interval"|"binary"|"list"|"struct"|"map");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a LiteralValue. */
            type $Shape = {
              boolean?: boolean|null;
              number?: number|null;
              bigInteger?: string|null;
              text?: string|null;
              interval?: loch.v1.Interval.$Shape|null;
              binary?: Uint8Array|null;
              list?: loch.v1.ListLiteral.$Shape|null;
              struct?: loch.v1.ListLiteral.$Shape|null;
              map?: loch.v1.MapLiteral.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ value?: undefined; boolean?: null; number?: null; bigInteger?: null; text?: null; interval?: null; binary?: null; list?: null; struct?: null; map?: null }|{ value?: "boolean"; boolean: boolean; number?: null; bigInteger?: null; text?: null; interval?: null; binary?: null; list?: null; struct?: null; map?: null }|{ value?: "number"; boolean?: null; number: number; bigInteger?: null; text?: null; interval?: null; binary?: null; list?: null; struct?: null; map?: null }|{ value?: "bigInteger"; boolean?: null; number?: null; bigInteger: string; text?: null; interval?: null; binary?: null; list?: null; struct?: null; map?: null }|{ value?: "text"; boolean?: null; number?: null; bigInteger?: null; text: string; interval?: null; binary?: null; list?: null; struct?: null; map?: null }|{ value?: "interval"; boolean?: null; number?: null; bigInteger?: null; text?: null; interval: loch.v1.Interval.$Shape; binary?: null; list?: null; struct?: null; map?: null }|{ value?: "binary"; boolean?: null; number?: null; bigInteger?: null; text?: null; interval?: null; binary: Uint8Array; list?: null; struct?: null; map?: null }|{ value?: "list"; boolean?: null; number?: null; bigInteger?: null; text?: null; interval?: null; binary?: null; list: loch.v1.ListLiteral.$Shape; struct?: null; map?: null }|{ value?: "struct"; boolean?: null; number?: null; bigInteger?: null; text?: null; interval?: null; binary?: null; list?: null; struct: loch.v1.ListLiteral.$Shape; map?: null }|{ value?: "map"; boolean?: null; number?: null; bigInteger?: null; text?: null; interval?: null; binary?: null; list?: null; struct?: null; map: loch.v1.MapLiteral.$Shape })
            );
        }

        /**
         * Properties of a PlanColumn.
         * @deprecated Use loch.v1.PlanColumn.$Properties instead.
         */
        interface IPlanColumn extends loch.v1.PlanColumn.$Properties {
        }

        /** Represents a PlanColumn. */
        class PlanColumn {

            /**
             * Constructs a new PlanColumn.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.PlanColumn.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PlanColumn id. */
            id: number;

            /** PlanColumn name. */
            name: string;

            /** PlanColumn type. */
            type?: (loch.v1.DataType.$Properties|null);

            /** PlanColumn nullable. */
            nullable: boolean;

            /** PlanColumn qualifier. */
            qualifier?: (string|null);

            /**
             * Creates a new PlanColumn instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PlanColumn instance
             */
            static create(properties: loch.v1.PlanColumn.$Shape): loch.v1.PlanColumn & loch.v1.PlanColumn.$Shape;
            static create(properties?: loch.v1.PlanColumn.$Properties): loch.v1.PlanColumn;

            /**
             * Encodes the specified PlanColumn message. Does not implicitly {@link loch.v1.PlanColumn.verify|verify} messages.
             * @param message PlanColumn message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.PlanColumn.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PlanColumn message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.PlanColumn & loch.v1.PlanColumn.$Shape} PlanColumn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.PlanColumn & loch.v1.PlanColumn.$Shape;

            /**
             * Creates a PlanColumn message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PlanColumn
             */
            static fromObject(object: { [k: string]: any }): loch.v1.PlanColumn;

            /**
             * Creates a plain object from a PlanColumn message. Also converts values to other types if specified.
             * @param message PlanColumn
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.PlanColumn, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PlanColumn to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace PlanColumn {

            /** Properties of a PlanColumn. */
            interface $Properties {

                /** PlanColumn id */
                id?: (number|null);

                /** PlanColumn name */
                name?: (string|null);

                /** PlanColumn type */
                type?: (loch.v1.DataType.$Properties|null);

                /** PlanColumn nullable */
                nullable?: (boolean|null);

                /** PlanColumn qualifier */
                qualifier?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PlanColumn. */
            type $Shape = loch.v1.PlanColumn.$Properties;
        }

        /**
         * Properties of a SourceColumn.
         * @deprecated Use loch.v1.SourceColumn.$Properties instead.
         */
        interface ISourceColumn extends loch.v1.SourceColumn.$Properties {
        }

        /** Represents a SourceColumn. */
        class SourceColumn {

            /**
             * Constructs a new SourceColumn.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.SourceColumn.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SourceColumn name. */
            name: string;

            /** SourceColumn type. */
            type?: (loch.v1.DataType.$Properties|null);

            /** SourceColumn nullable. */
            nullable: boolean;

            /**
             * Creates a new SourceColumn instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SourceColumn instance
             */
            static create(properties: loch.v1.SourceColumn.$Shape): loch.v1.SourceColumn & loch.v1.SourceColumn.$Shape;
            static create(properties?: loch.v1.SourceColumn.$Properties): loch.v1.SourceColumn;

            /**
             * Encodes the specified SourceColumn message. Does not implicitly {@link loch.v1.SourceColumn.verify|verify} messages.
             * @param message SourceColumn message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.SourceColumn.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SourceColumn message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.SourceColumn & loch.v1.SourceColumn.$Shape} SourceColumn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.SourceColumn & loch.v1.SourceColumn.$Shape;

            /**
             * Creates a SourceColumn message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SourceColumn
             */
            static fromObject(object: { [k: string]: any }): loch.v1.SourceColumn;

            /**
             * Creates a plain object from a SourceColumn message. Also converts values to other types if specified.
             * @param message SourceColumn
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.SourceColumn, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SourceColumn to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SourceColumn {

            /** Properties of a SourceColumn. */
            interface $Properties {

                /** SourceColumn name */
                name?: (string|null);

                /** SourceColumn type */
                type?: (loch.v1.DataType.$Properties|null);

                /** SourceColumn nullable */
                nullable?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SourceColumn. */
            type $Shape = loch.v1.SourceColumn.$Properties;
        }

        /**
         * Properties of a ScanPredicate.
         * @deprecated Use loch.v1.ScanPredicate.$Properties instead.
         */
        interface IScanPredicate extends loch.v1.ScanPredicate.$Properties {
        }

        /** Represents a ScanPredicate. */
        class ScanPredicate {

            /**
             * Constructs a new ScanPredicate.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ScanPredicate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ScanPredicate compare. */
            compare?: (loch.v1.ScanPredicate.Compare.$Properties|null);

            /** ScanPredicate in. */
            in?: (loch.v1.ScanPredicate.In.$Properties|null);

            /** ScanPredicate isNull. */
            isNull?: (loch.v1.ScanPredicate.IsNull.$Properties|null);

            /** ScanPredicate predicate. */
            predicate?: ("compare"|"in"|"isNull");

            /**
             * Creates a new ScanPredicate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ScanPredicate instance
             */
            static create(properties: loch.v1.ScanPredicate.$Shape): loch.v1.ScanPredicate & loch.v1.ScanPredicate.$Shape;
            static create(properties?: loch.v1.ScanPredicate.$Properties): loch.v1.ScanPredicate;

            /**
             * Encodes the specified ScanPredicate message. Does not implicitly {@link loch.v1.ScanPredicate.verify|verify} messages.
             * @param message ScanPredicate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ScanPredicate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ScanPredicate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ScanPredicate & loch.v1.ScanPredicate.$Shape} ScanPredicate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ScanPredicate & loch.v1.ScanPredicate.$Shape;

            /**
             * Creates a ScanPredicate message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ScanPredicate
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ScanPredicate;

            /**
             * Creates a plain object from a ScanPredicate message. Also converts values to other types if specified.
             * @param message ScanPredicate
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ScanPredicate, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ScanPredicate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ScanPredicate {

            /** Properties of a ScanPredicate. */
            interface $Properties {

                /** ScanPredicate compare */
                compare?: (loch.v1.ScanPredicate.Compare.$Properties|null);

                /** ScanPredicate in */
                "in"?: (loch.v1.ScanPredicate.In.$Properties|null);

                /** ScanPredicate isNull */
                isNull?: (loch.v1.ScanPredicate.IsNull.$Properties|null);

                /** ScanPredicate predicate */
                predicate?: ("compare"|"in"|"isNull");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a ScanPredicate. */
            type $Shape = {
              compare?: loch.v1.ScanPredicate.Compare.$Shape|null;
              "in"?: loch.v1.ScanPredicate.In.$Shape|null;
              isNull?: loch.v1.ScanPredicate.IsNull.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ predicate?: undefined; compare?: null; "in"?: null; isNull?: null }|{ predicate?: "compare"; compare: loch.v1.ScanPredicate.Compare.$Shape; "in"?: null; isNull?: null }|{ predicate?: "in"; compare?: null; "in": loch.v1.ScanPredicate.In.$Shape; isNull?: null }|{ predicate?: "isNull"; compare?: null; "in"?: null; isNull: loch.v1.ScanPredicate.IsNull.$Shape })
            );

            /** CompareOp enum. */
            enum CompareOp {

                /** COMPARE_OP_UNSPECIFIED value */
                COMPARE_OP_UNSPECIFIED = 0,

                /** EQ value */
                EQ = 1,

                /** NE value */
                NE = 2,

                /** LT value */
                LT = 3,

                /** LE value */
                LE = 4,

                /** GT value */
                GT = 5,

                /** GE value */
                GE = 6
            }

            /**
             * Properties of a Compare.
             * @deprecated Use loch.v1.ScanPredicate.Compare.$Properties instead.
             */
            interface ICompare extends loch.v1.ScanPredicate.Compare.$Properties {
            }

            /** Represents a Compare. */
            class Compare {

                /**
                 * Constructs a new Compare.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: loch.v1.ScanPredicate.Compare.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Compare column. */
                column: number;

                /** Compare op. */
                op: loch.v1.ScanPredicate.CompareOp;

                /** Compare value. */
                value?: (loch.v1.LiteralValue.$Properties|null);

                /**
                 * Creates a new Compare instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Compare instance
                 */
                static create(properties: loch.v1.ScanPredicate.Compare.$Shape): loch.v1.ScanPredicate.Compare & loch.v1.ScanPredicate.Compare.$Shape;
                static create(properties?: loch.v1.ScanPredicate.Compare.$Properties): loch.v1.ScanPredicate.Compare;

                /**
                 * Encodes the specified Compare message. Does not implicitly {@link loch.v1.ScanPredicate.Compare.verify|verify} messages.
                 * @param message Compare message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: loch.v1.ScanPredicate.Compare.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Compare message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {loch.v1.ScanPredicate.Compare & loch.v1.ScanPredicate.Compare.$Shape} Compare
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ScanPredicate.Compare & loch.v1.ScanPredicate.Compare.$Shape;

                /**
                 * Creates a Compare message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Compare
                 */
                static fromObject(object: { [k: string]: any }): loch.v1.ScanPredicate.Compare;

                /**
                 * Creates a plain object from a Compare message. Also converts values to other types if specified.
                 * @param message Compare
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: loch.v1.ScanPredicate.Compare, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Compare to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Compare {

                /** Properties of a Compare. */
                interface $Properties {

                    /** Compare column */
                    column?: (number|null);

                    /** Compare op */
                    op?: (loch.v1.ScanPredicate.CompareOp|null);

                    /** Compare value */
                    value?: (loch.v1.LiteralValue.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Compare. */
                type $Shape = {
                  column?: number|null;
                  op?: loch.v1.ScanPredicate.CompareOp|null;
                  value?: loch.v1.LiteralValue.$Shape|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of an In.
             * @deprecated Use loch.v1.ScanPredicate.In.$Properties instead.
             */
            interface IIn extends loch.v1.ScanPredicate.In.$Properties {
            }

            /** Represents an In. */
            class In {

                /**
                 * Constructs a new In.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: loch.v1.ScanPredicate.In.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** In column. */
                column: number;

                /** In values. */
                values: loch.v1.LiteralValue.$Properties[];

                /**
                 * Creates a new In instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns In instance
                 */
                static create(properties: loch.v1.ScanPredicate.In.$Shape): loch.v1.ScanPredicate.In & loch.v1.ScanPredicate.In.$Shape;
                static create(properties?: loch.v1.ScanPredicate.In.$Properties): loch.v1.ScanPredicate.In;

                /**
                 * Encodes the specified In message. Does not implicitly {@link loch.v1.ScanPredicate.In.verify|verify} messages.
                 * @param message In message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: loch.v1.ScanPredicate.In.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an In message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {loch.v1.ScanPredicate.In & loch.v1.ScanPredicate.In.$Shape} In
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ScanPredicate.In & loch.v1.ScanPredicate.In.$Shape;

                /**
                 * Creates an In message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns In
                 */
                static fromObject(object: { [k: string]: any }): loch.v1.ScanPredicate.In;

                /**
                 * Creates a plain object from an In message. Also converts values to other types if specified.
                 * @param message In
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: loch.v1.ScanPredicate.In, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this In to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace In {

                /** Properties of an In. */
                interface $Properties {

                    /** In column */
                    column?: (number|null);

                    /** In values */
                    values?: (loch.v1.LiteralValue.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an In. */
                type $Shape = {
                  column?: number|null;
                  values?: loch.v1.LiteralValue.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of an IsNull.
             * @deprecated Use loch.v1.ScanPredicate.IsNull.$Properties instead.
             */
            interface IIsNull extends loch.v1.ScanPredicate.IsNull.$Properties {
            }

            /** Represents an IsNull. */
            class IsNull {

                /**
                 * Constructs a new IsNull.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: loch.v1.ScanPredicate.IsNull.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** IsNull column. */
                column: number;

                /** IsNull negated. */
                negated: boolean;

                /**
                 * Creates a new IsNull instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns IsNull instance
                 */
                static create(properties: loch.v1.ScanPredicate.IsNull.$Shape): loch.v1.ScanPredicate.IsNull & loch.v1.ScanPredicate.IsNull.$Shape;
                static create(properties?: loch.v1.ScanPredicate.IsNull.$Properties): loch.v1.ScanPredicate.IsNull;

                /**
                 * Encodes the specified IsNull message. Does not implicitly {@link loch.v1.ScanPredicate.IsNull.verify|verify} messages.
                 * @param message IsNull message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: loch.v1.ScanPredicate.IsNull.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an IsNull message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {loch.v1.ScanPredicate.IsNull & loch.v1.ScanPredicate.IsNull.$Shape} IsNull
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ScanPredicate.IsNull & loch.v1.ScanPredicate.IsNull.$Shape;

                /**
                 * Creates an IsNull message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns IsNull
                 */
                static fromObject(object: { [k: string]: any }): loch.v1.ScanPredicate.IsNull;

                /**
                 * Creates a plain object from an IsNull message. Also converts values to other types if specified.
                 * @param message IsNull
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: loch.v1.ScanPredicate.IsNull, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this IsNull to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace IsNull {

                /** Properties of an IsNull. */
                interface $Properties {

                    /** IsNull column */
                    column?: (number|null);

                    /** IsNull negated */
                    negated?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an IsNull. */
                type $Shape = loch.v1.ScanPredicate.IsNull.$Properties;
            }
        }

        /**
         * Properties of a TableSource.
         * @deprecated Use loch.v1.TableSource.$Properties instead.
         */
        interface ITableSource extends loch.v1.TableSource.$Properties {
        }

        /** Represents a TableSource. */
        class TableSource {

            /**
             * Constructs a new TableSource.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TableSource.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TableSource name. */
            name: string;

            /** TableSource format. */
            format: loch.v1.TableSource.Format;

            /** TableSource location. */
            location: string;

            /** TableSource version. */
            version?: (number|null);

            /** TableSource columns. */
            columns: loch.v1.SourceColumn.$Properties[];

            /** TableSource options. */
            options: { [k: string]: string };

            /**
             * Creates a new TableSource instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TableSource instance
             */
            static create(properties: loch.v1.TableSource.$Shape): loch.v1.TableSource & loch.v1.TableSource.$Shape;
            static create(properties?: loch.v1.TableSource.$Properties): loch.v1.TableSource;

            /**
             * Encodes the specified TableSource message. Does not implicitly {@link loch.v1.TableSource.verify|verify} messages.
             * @param message TableSource message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TableSource.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TableSource message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TableSource & loch.v1.TableSource.$Shape} TableSource
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TableSource & loch.v1.TableSource.$Shape;

            /**
             * Creates a TableSource message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TableSource
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TableSource;

            /**
             * Creates a plain object from a TableSource message. Also converts values to other types if specified.
             * @param message TableSource
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TableSource, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TableSource to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TableSource {

            /** Properties of a TableSource. */
            interface $Properties {

                /** TableSource name */
                name?: (string|null);

                /** TableSource format */
                format?: (loch.v1.TableSource.Format|null);

                /** TableSource location */
                location?: (string|null);

                /** TableSource version */
                version?: (number|null);

                /** TableSource columns */
                columns?: (loch.v1.SourceColumn.$Properties[]|null);

                /** TableSource options */
                options?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TableSource. */
            type $Shape = loch.v1.TableSource.$Properties;

            /** Format enum. */
            enum Format {

                /** FORMAT_UNSPECIFIED value */
                FORMAT_UNSPECIFIED = 0,

                /** DELTA value */
                DELTA = 1,

                /** PARQUET value */
                PARQUET = 2,

                /** CSV value */
                CSV = 3,

                /** JSON value */
                JSON = 4
            }
        }

        /**
         * Properties of an ArrowIpcChunk.
         * @deprecated Use loch.v1.ArrowIpcChunk.$Properties instead.
         */
        interface IArrowIpcChunk extends loch.v1.ArrowIpcChunk.$Properties {
        }

        /** Represents an ArrowIpcChunk. */
        class ArrowIpcChunk {

            /**
             * Constructs a new ArrowIpcChunk.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ArrowIpcChunk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ArrowIpcChunk data. */
            data: Uint8Array;

            /** ArrowIpcChunk sequence. */
            sequence: number;

            /**
             * Creates a new ArrowIpcChunk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ArrowIpcChunk instance
             */
            static create(properties: loch.v1.ArrowIpcChunk.$Shape): loch.v1.ArrowIpcChunk & loch.v1.ArrowIpcChunk.$Shape;
            static create(properties?: loch.v1.ArrowIpcChunk.$Properties): loch.v1.ArrowIpcChunk;

            /**
             * Encodes the specified ArrowIpcChunk message. Does not implicitly {@link loch.v1.ArrowIpcChunk.verify|verify} messages.
             * @param message ArrowIpcChunk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ArrowIpcChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ArrowIpcChunk message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ArrowIpcChunk & loch.v1.ArrowIpcChunk.$Shape} ArrowIpcChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ArrowIpcChunk & loch.v1.ArrowIpcChunk.$Shape;

            /**
             * Creates an ArrowIpcChunk message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ArrowIpcChunk
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ArrowIpcChunk;

            /**
             * Creates a plain object from an ArrowIpcChunk message. Also converts values to other types if specified.
             * @param message ArrowIpcChunk
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ArrowIpcChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ArrowIpcChunk to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ArrowIpcChunk {

            /** Properties of an ArrowIpcChunk. */
            interface $Properties {

                /** ArrowIpcChunk data */
                data?: (Uint8Array|null);

                /** ArrowIpcChunk sequence */
                sequence?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ArrowIpcChunk. */
            type $Shape = loch.v1.ArrowIpcChunk.$Properties;
        }

        /**
         * Properties of a TaskIdentity.
         * @deprecated Use loch.v1.TaskIdentity.$Properties instead.
         */
        interface ITaskIdentity extends loch.v1.TaskIdentity.$Properties {
        }

        /** Represents a TaskIdentity. */
        class TaskIdentity {

            /**
             * Constructs a new TaskIdentity.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TaskIdentity.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskIdentity jobId. */
            jobId: string;

            /** TaskIdentity stageId. */
            stageId: number;

            /** TaskIdentity stageAttempt. */
            stageAttempt: number;

            /** TaskIdentity partition. */
            partition: number;

            /** TaskIdentity taskId. */
            taskId: number;

            /** TaskIdentity taskAttempt. */
            taskAttempt: number;

            /**
             * Creates a new TaskIdentity instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskIdentity instance
             */
            static create(properties: loch.v1.TaskIdentity.$Shape): loch.v1.TaskIdentity & loch.v1.TaskIdentity.$Shape;
            static create(properties?: loch.v1.TaskIdentity.$Properties): loch.v1.TaskIdentity;

            /**
             * Encodes the specified TaskIdentity message. Does not implicitly {@link loch.v1.TaskIdentity.verify|verify} messages.
             * @param message TaskIdentity message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TaskIdentity.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskIdentity message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TaskIdentity & loch.v1.TaskIdentity.$Shape} TaskIdentity
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TaskIdentity & loch.v1.TaskIdentity.$Shape;

            /**
             * Creates a TaskIdentity message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskIdentity
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TaskIdentity;

            /**
             * Creates a plain object from a TaskIdentity message. Also converts values to other types if specified.
             * @param message TaskIdentity
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TaskIdentity, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskIdentity to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TaskIdentity {

            /** Properties of a TaskIdentity. */
            interface $Properties {

                /** TaskIdentity jobId */
                jobId?: (string|null);

                /** TaskIdentity stageId */
                stageId?: (number|null);

                /** TaskIdentity stageAttempt */
                stageAttempt?: (number|null);

                /** TaskIdentity partition */
                partition?: (number|null);

                /** TaskIdentity taskId */
                taskId?: (number|null);

                /** TaskIdentity taskAttempt */
                taskAttempt?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskIdentity. */
            type $Shape = loch.v1.TaskIdentity.$Properties;
        }

        /**
         * Properties of a MapTaskIdentity.
         * @deprecated Use loch.v1.MapTaskIdentity.$Properties instead.
         */
        interface IMapTaskIdentity extends loch.v1.MapTaskIdentity.$Properties {
        }

        /** Represents a MapTaskIdentity. */
        class MapTaskIdentity {

            /**
             * Constructs a new MapTaskIdentity.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.MapTaskIdentity.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** MapTaskIdentity jobId. */
            jobId: string;

            /** MapTaskIdentity mapStageId. */
            mapStageId: number;

            /** MapTaskIdentity mapStageAttempt. */
            mapStageAttempt: number;

            /** MapTaskIdentity mapPartition. */
            mapPartition: number;

            /** MapTaskIdentity mapTaskAttempt. */
            mapTaskAttempt: number;

            /**
             * Creates a new MapTaskIdentity instance using the specified properties.
             * @param [properties] Properties to set
             * @returns MapTaskIdentity instance
             */
            static create(properties: loch.v1.MapTaskIdentity.$Shape): loch.v1.MapTaskIdentity & loch.v1.MapTaskIdentity.$Shape;
            static create(properties?: loch.v1.MapTaskIdentity.$Properties): loch.v1.MapTaskIdentity;

            /**
             * Encodes the specified MapTaskIdentity message. Does not implicitly {@link loch.v1.MapTaskIdentity.verify|verify} messages.
             * @param message MapTaskIdentity message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.MapTaskIdentity.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a MapTaskIdentity message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.MapTaskIdentity & loch.v1.MapTaskIdentity.$Shape} MapTaskIdentity
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.MapTaskIdentity & loch.v1.MapTaskIdentity.$Shape;

            /**
             * Creates a MapTaskIdentity message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns MapTaskIdentity
             */
            static fromObject(object: { [k: string]: any }): loch.v1.MapTaskIdentity;

            /**
             * Creates a plain object from a MapTaskIdentity message. Also converts values to other types if specified.
             * @param message MapTaskIdentity
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.MapTaskIdentity, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this MapTaskIdentity to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace MapTaskIdentity {

            /** Properties of a MapTaskIdentity. */
            interface $Properties {

                /** MapTaskIdentity jobId */
                jobId?: (string|null);

                /** MapTaskIdentity mapStageId */
                mapStageId?: (number|null);

                /** MapTaskIdentity mapStageAttempt */
                mapStageAttempt?: (number|null);

                /** MapTaskIdentity mapPartition */
                mapPartition?: (number|null);

                /** MapTaskIdentity mapTaskAttempt */
                mapTaskAttempt?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a MapTaskIdentity. */
            type $Shape = loch.v1.MapTaskIdentity.$Properties;
        }

        /**
         * Properties of a PartitionStats.
         * @deprecated Use loch.v1.PartitionStats.$Properties instead.
         */
        interface IPartitionStats extends loch.v1.PartitionStats.$Properties {
        }

        /** Represents a PartitionStats. */
        class PartitionStats {

            /**
             * Constructs a new PartitionStats.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.PartitionStats.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PartitionStats rows. */
            rows: number;

            /** PartitionStats batches. */
            batches: number;

            /** PartitionStats bytes. */
            bytes: number;

            /**
             * Creates a new PartitionStats instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PartitionStats instance
             */
            static create(properties: loch.v1.PartitionStats.$Shape): loch.v1.PartitionStats & loch.v1.PartitionStats.$Shape;
            static create(properties?: loch.v1.PartitionStats.$Properties): loch.v1.PartitionStats;

            /**
             * Encodes the specified PartitionStats message. Does not implicitly {@link loch.v1.PartitionStats.verify|verify} messages.
             * @param message PartitionStats message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.PartitionStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PartitionStats message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.PartitionStats & loch.v1.PartitionStats.$Shape} PartitionStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.PartitionStats & loch.v1.PartitionStats.$Shape;

            /**
             * Creates a PartitionStats message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PartitionStats
             */
            static fromObject(object: { [k: string]: any }): loch.v1.PartitionStats;

            /**
             * Creates a plain object from a PartitionStats message. Also converts values to other types if specified.
             * @param message PartitionStats
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.PartitionStats, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PartitionStats to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace PartitionStats {

            /** Properties of a PartitionStats. */
            interface $Properties {

                /** PartitionStats rows */
                rows?: (number|null);

                /** PartitionStats batches */
                batches?: (number|null);

                /** PartitionStats bytes */
                bytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PartitionStats. */
            type $Shape = loch.v1.PartitionStats.$Properties;
        }

        /**
         * Properties of a PartitionLocation.
         * @deprecated Use loch.v1.PartitionLocation.$Properties instead.
         */
        interface IPartitionLocation extends loch.v1.PartitionLocation.$Properties {
        }

        /** Represents a PartitionLocation. */
        class PartitionLocation {

            /**
             * Constructs a new PartitionLocation.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.PartitionLocation.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PartitionLocation mapTask. */
            mapTask?: (loch.v1.MapTaskIdentity.$Properties|null);

            /** PartitionLocation outputPartition. */
            outputPartition: number;

            /** PartitionLocation workerId. */
            workerId: string;

            /** PartitionLocation workerAddress. */
            workerAddress: string;

            /** PartitionLocation path. */
            path: string;

            /** PartitionLocation stats. */
            stats?: (loch.v1.PartitionStats.$Properties|null);

            /**
             * Creates a new PartitionLocation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PartitionLocation instance
             */
            static create(properties: loch.v1.PartitionLocation.$Shape): loch.v1.PartitionLocation & loch.v1.PartitionLocation.$Shape;
            static create(properties?: loch.v1.PartitionLocation.$Properties): loch.v1.PartitionLocation;

            /**
             * Encodes the specified PartitionLocation message. Does not implicitly {@link loch.v1.PartitionLocation.verify|verify} messages.
             * @param message PartitionLocation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.PartitionLocation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PartitionLocation message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.PartitionLocation & loch.v1.PartitionLocation.$Shape} PartitionLocation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.PartitionLocation & loch.v1.PartitionLocation.$Shape;

            /**
             * Creates a PartitionLocation message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PartitionLocation
             */
            static fromObject(object: { [k: string]: any }): loch.v1.PartitionLocation;

            /**
             * Creates a plain object from a PartitionLocation message. Also converts values to other types if specified.
             * @param message PartitionLocation
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.PartitionLocation, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PartitionLocation to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace PartitionLocation {

            /** Properties of a PartitionLocation. */
            interface $Properties {

                /** PartitionLocation mapTask */
                mapTask?: (loch.v1.MapTaskIdentity.$Properties|null);

                /** PartitionLocation outputPartition */
                outputPartition?: (number|null);

                /** PartitionLocation workerId */
                workerId?: (string|null);

                /** PartitionLocation workerAddress */
                workerAddress?: (string|null);

                /** PartitionLocation path */
                path?: (string|null);

                /** PartitionLocation stats */
                stats?: (loch.v1.PartitionStats.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PartitionLocation. */
            type $Shape = loch.v1.PartitionLocation.$Properties;
        }

        /**
         * Properties of an ExecutionError.
         * @deprecated Use loch.v1.ExecutionError.$Properties instead.
         */
        interface IExecutionError extends loch.v1.ExecutionError.$Properties {
        }

        /** Represents an ExecutionError. */
        class ExecutionError {

            /**
             * Constructs a new ExecutionError.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ExecutionError.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExecutionError sqlstate. */
            sqlstate: string;

            /** ExecutionError message. */
            message: string;

            /** ExecutionError detail. */
            detail: string;

            /** ExecutionError hint. */
            hint: string;

            /**
             * Creates a new ExecutionError instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExecutionError instance
             */
            static create(properties: loch.v1.ExecutionError.$Shape): loch.v1.ExecutionError & loch.v1.ExecutionError.$Shape;
            static create(properties?: loch.v1.ExecutionError.$Properties): loch.v1.ExecutionError;

            /**
             * Encodes the specified ExecutionError message. Does not implicitly {@link loch.v1.ExecutionError.verify|verify} messages.
             * @param message ExecutionError message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ExecutionError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExecutionError message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ExecutionError & loch.v1.ExecutionError.$Shape} ExecutionError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ExecutionError & loch.v1.ExecutionError.$Shape;

            /**
             * Creates an ExecutionError message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExecutionError
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ExecutionError;

            /**
             * Creates a plain object from an ExecutionError message. Also converts values to other types if specified.
             * @param message ExecutionError
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ExecutionError, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExecutionError to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ExecutionError {

            /** Properties of an ExecutionError. */
            interface $Properties {

                /** ExecutionError sqlstate */
                sqlstate?: (string|null);

                /** ExecutionError message */
                message?: (string|null);

                /** ExecutionError detail */
                detail?: (string|null);

                /** ExecutionError hint */
                hint?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExecutionError. */
            type $Shape = loch.v1.ExecutionError.$Properties;
        }

        /**
         * Properties of a FetchFailure.
         * @deprecated Use loch.v1.FetchFailure.$Properties instead.
         */
        interface IFetchFailure extends loch.v1.FetchFailure.$Properties {
        }

        /** Represents a FetchFailure. */
        class FetchFailure {

            /**
             * Constructs a new FetchFailure.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.FetchFailure.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FetchFailure location. */
            location?: (loch.v1.PartitionLocation.$Properties|null);

            /** FetchFailure message. */
            message: string;

            /**
             * Creates a new FetchFailure instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FetchFailure instance
             */
            static create(properties: loch.v1.FetchFailure.$Shape): loch.v1.FetchFailure & loch.v1.FetchFailure.$Shape;
            static create(properties?: loch.v1.FetchFailure.$Properties): loch.v1.FetchFailure;

            /**
             * Encodes the specified FetchFailure message. Does not implicitly {@link loch.v1.FetchFailure.verify|verify} messages.
             * @param message FetchFailure message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.FetchFailure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FetchFailure message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.FetchFailure & loch.v1.FetchFailure.$Shape} FetchFailure
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.FetchFailure & loch.v1.FetchFailure.$Shape;

            /**
             * Creates a FetchFailure message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns FetchFailure
             */
            static fromObject(object: { [k: string]: any }): loch.v1.FetchFailure;

            /**
             * Creates a plain object from a FetchFailure message. Also converts values to other types if specified.
             * @param message FetchFailure
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.FetchFailure, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this FetchFailure to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace FetchFailure {

            /** Properties of a FetchFailure. */
            interface $Properties {

                /** FetchFailure location */
                location?: (loch.v1.PartitionLocation.$Properties|null);

                /** FetchFailure message */
                message?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FetchFailure. */
            type $Shape = loch.v1.FetchFailure.$Properties;
        }

        /**
         * Properties of a WorkerLost.
         * @deprecated Use loch.v1.WorkerLost.$Properties instead.
         */
        interface IWorkerLost extends loch.v1.WorkerLost.$Properties {
        }

        /** Represents a WorkerLost. */
        class WorkerLost {

            /**
             * Constructs a new WorkerLost.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.WorkerLost.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WorkerLost workerId. */
            workerId: string;

            /**
             * Creates a new WorkerLost instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkerLost instance
             */
            static create(properties: loch.v1.WorkerLost.$Shape): loch.v1.WorkerLost & loch.v1.WorkerLost.$Shape;
            static create(properties?: loch.v1.WorkerLost.$Properties): loch.v1.WorkerLost;

            /**
             * Encodes the specified WorkerLost message. Does not implicitly {@link loch.v1.WorkerLost.verify|verify} messages.
             * @param message WorkerLost message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.WorkerLost.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkerLost message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.WorkerLost & loch.v1.WorkerLost.$Shape} WorkerLost
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.WorkerLost & loch.v1.WorkerLost.$Shape;

            /**
             * Creates a WorkerLost message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkerLost
             */
            static fromObject(object: { [k: string]: any }): loch.v1.WorkerLost;

            /**
             * Creates a plain object from a WorkerLost message. Also converts values to other types if specified.
             * @param message WorkerLost
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.WorkerLost, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkerLost to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace WorkerLost {

            /** Properties of a WorkerLost. */
            interface $Properties {

                /** WorkerLost workerId */
                workerId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WorkerLost. */
            type $Shape = loch.v1.WorkerLost.$Properties;
        }

        /**
         * Properties of a TaskKilled.
         * @deprecated Use loch.v1.TaskKilled.$Properties instead.
         */
        interface ITaskKilled extends loch.v1.TaskKilled.$Properties {
        }

        /** Represents a TaskKilled. */
        class TaskKilled {

            /**
             * Constructs a new TaskKilled.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TaskKilled.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskKilled reason. */
            reason: string;

            /**
             * Creates a new TaskKilled instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskKilled instance
             */
            static create(properties: loch.v1.TaskKilled.$Shape): loch.v1.TaskKilled & loch.v1.TaskKilled.$Shape;
            static create(properties?: loch.v1.TaskKilled.$Properties): loch.v1.TaskKilled;

            /**
             * Encodes the specified TaskKilled message. Does not implicitly {@link loch.v1.TaskKilled.verify|verify} messages.
             * @param message TaskKilled message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TaskKilled.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskKilled message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TaskKilled & loch.v1.TaskKilled.$Shape} TaskKilled
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TaskKilled & loch.v1.TaskKilled.$Shape;

            /**
             * Creates a TaskKilled message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskKilled
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TaskKilled;

            /**
             * Creates a plain object from a TaskKilled message. Also converts values to other types if specified.
             * @param message TaskKilled
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TaskKilled, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskKilled to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TaskKilled {

            /** Properties of a TaskKilled. */
            interface $Properties {

                /** TaskKilled reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskKilled. */
            type $Shape = loch.v1.TaskKilled.$Properties;
        }

        /**
         * Properties of a TaskFailure.
         * @deprecated Use loch.v1.TaskFailure.$Properties instead.
         */
        interface ITaskFailure extends loch.v1.TaskFailure.$Properties {
        }

        /** Represents a TaskFailure. */
        class TaskFailure {

            /**
             * Constructs a new TaskFailure.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TaskFailure.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskFailure retryable. */
            retryable: boolean;

            /** TaskFailure countToFailures. */
            countToFailures: boolean;

            /** TaskFailure executionError. */
            executionError?: (loch.v1.ExecutionError.$Properties|null);

            /** TaskFailure fetchFailure. */
            fetchFailure?: (loch.v1.FetchFailure.$Properties|null);

            /** TaskFailure workerLost. */
            workerLost?: (loch.v1.WorkerLost.$Properties|null);

            /** TaskFailure killed. */
            killed?: (loch.v1.TaskKilled.$Properties|null);

            /** TaskFailure reason. */
            reason?: ("executionError"|"fetchFailure"|"workerLost"|"killed");

            /**
             * Creates a new TaskFailure instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskFailure instance
             */
            static create(properties: loch.v1.TaskFailure.$Shape): loch.v1.TaskFailure & loch.v1.TaskFailure.$Shape;
            static create(properties?: loch.v1.TaskFailure.$Properties): loch.v1.TaskFailure;

            /**
             * Encodes the specified TaskFailure message. Does not implicitly {@link loch.v1.TaskFailure.verify|verify} messages.
             * @param message TaskFailure message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TaskFailure.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskFailure message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TaskFailure & loch.v1.TaskFailure.$Shape} TaskFailure
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TaskFailure & loch.v1.TaskFailure.$Shape;

            /**
             * Creates a TaskFailure message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskFailure
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TaskFailure;

            /**
             * Creates a plain object from a TaskFailure message. Also converts values to other types if specified.
             * @param message TaskFailure
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TaskFailure, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskFailure to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TaskFailure {

            /** Properties of a TaskFailure. */
            interface $Properties {

                /** TaskFailure retryable */
                retryable?: (boolean|null);

                /** TaskFailure countToFailures */
                countToFailures?: (boolean|null);

                /** TaskFailure executionError */
                executionError?: (loch.v1.ExecutionError.$Properties|null);

                /** TaskFailure fetchFailure */
                fetchFailure?: (loch.v1.FetchFailure.$Properties|null);

                /** TaskFailure workerLost */
                workerLost?: (loch.v1.WorkerLost.$Properties|null);

                /** TaskFailure killed */
                killed?: (loch.v1.TaskKilled.$Properties|null);

                /** TaskFailure reason */
                reason?: ("executionError"|"fetchFailure"|"workerLost"|"killed");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a TaskFailure. */
            type $Shape = {
              retryable?: boolean|null;
              countToFailures?: boolean|null;
              executionError?: loch.v1.ExecutionError.$Shape|null;
              fetchFailure?: loch.v1.FetchFailure.$Shape|null;
              workerLost?: loch.v1.WorkerLost.$Shape|null;
              killed?: loch.v1.TaskKilled.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ reason?: undefined; executionError?: null; fetchFailure?: null; workerLost?: null; killed?: null }|{ reason?: "executionError"; executionError: loch.v1.ExecutionError.$Shape; fetchFailure?: null; workerLost?: null; killed?: null }|{ reason?: "fetchFailure"; executionError?: null; fetchFailure: loch.v1.FetchFailure.$Shape; workerLost?: null; killed?: null }|{ reason?: "workerLost"; executionError?: null; fetchFailure?: null; workerLost: loch.v1.WorkerLost.$Shape; killed?: null }|{ reason?: "killed"; executionError?: null; fetchFailure?: null; workerLost?: null; killed: loch.v1.TaskKilled.$Shape })
            );
        }

        /**
         * Properties of a JobError.
         * @deprecated Use loch.v1.JobError.$Properties instead.
         */
        interface IJobError extends loch.v1.JobError.$Properties {
        }

        /** Represents a JobError. */
        class JobError {

            /**
             * Constructs a new JobError.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.JobError.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** JobError sqlstate. */
            sqlstate: string;

            /** JobError message. */
            message: string;

            /** JobError detail. */
            detail: string;

            /** JobError hint. */
            hint: string;

            /** JobError retryable. */
            retryable: boolean;

            /** JobError stageId. */
            stageId?: (number|null);

            /** JobError partition. */
            partition?: (number|null);

            /**
             * Creates a new JobError instance using the specified properties.
             * @param [properties] Properties to set
             * @returns JobError instance
             */
            static create(properties: loch.v1.JobError.$Shape): loch.v1.JobError & loch.v1.JobError.$Shape;
            static create(properties?: loch.v1.JobError.$Properties): loch.v1.JobError;

            /**
             * Encodes the specified JobError message. Does not implicitly {@link loch.v1.JobError.verify|verify} messages.
             * @param message JobError message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.JobError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a JobError message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.JobError & loch.v1.JobError.$Shape} JobError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.JobError & loch.v1.JobError.$Shape;

            /**
             * Creates a JobError message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns JobError
             */
            static fromObject(object: { [k: string]: any }): loch.v1.JobError;

            /**
             * Creates a plain object from a JobError message. Also converts values to other types if specified.
             * @param message JobError
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.JobError, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this JobError to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace JobError {

            /** Properties of a JobError. */
            interface $Properties {

                /** JobError sqlstate */
                sqlstate?: (string|null);

                /** JobError message */
                message?: (string|null);

                /** JobError detail */
                detail?: (string|null);

                /** JobError hint */
                hint?: (string|null);

                /** JobError retryable */
                retryable?: (boolean|null);

                /** JobError stageId */
                stageId?: (number|null);

                /** JobError partition */
                partition?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a JobError. */
            type $Shape = loch.v1.JobError.$Properties;
        }

        /**
         * Properties of an Expr.
         * @deprecated Use loch.v1.Expr.$Properties instead.
         */
        interface IExpr extends loch.v1.Expr.$Properties {
        }

        /** Represents an Expr. */
        class Expr {

            /**
             * Constructs a new Expr.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.Expr.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Expr column. */
            column?: (loch.v1.ColumnRef.$Properties|null);

            /** Expr literal. */
            literal?: (loch.v1.LiteralExpr.$Properties|null);

            /** Expr call. */
            call?: (loch.v1.CallExpr.$Properties|null);

            /** Expr cast. */
            cast?: (loch.v1.CastExpr.$Properties|null);

            /** Expr caseWhen. */
            caseWhen?: (loch.v1.CaseExpr.$Properties|null);

            /** Expr inList. */
            inList?: (loch.v1.InListExpr.$Properties|null);

            /** Expr subquery. */
            subquery?: (loch.v1.SubqueryExpr.$Properties|null);

            /** Expr expr. */
            expr?: ("column"|"literal"|"call"|"cast"|"caseWhen"|"inList"|"subquery");

            /**
             * Creates a new Expr instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Expr instance
             */
            static create(properties: loch.v1.Expr.$Shape): loch.v1.Expr & loch.v1.Expr.$Shape;
            static create(properties?: loch.v1.Expr.$Properties): loch.v1.Expr;

            /**
             * Encodes the specified Expr message. Does not implicitly {@link loch.v1.Expr.verify|verify} messages.
             * @param message Expr message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.Expr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Expr message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.Expr & loch.v1.Expr.$Shape} Expr
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.Expr & loch.v1.Expr.$Shape;

            /**
             * Creates an Expr message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Expr
             */
            static fromObject(object: { [k: string]: any }): loch.v1.Expr;

            /**
             * Creates a plain object from an Expr message. Also converts values to other types if specified.
             * @param message Expr
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.Expr, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Expr to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Expr {

            /** Properties of an Expr. */
            interface $Properties {

                /** Expr column */
                column?: (loch.v1.ColumnRef.$Properties|null);

                /** Expr literal */
                literal?: (loch.v1.LiteralExpr.$Properties|null);

                /** Expr call */
                call?: (loch.v1.CallExpr.$Properties|null);

                /** Expr cast */
                cast?: (loch.v1.CastExpr.$Properties|null);

                /** Expr caseWhen */
                caseWhen?: (loch.v1.CaseExpr.$Properties|null);

                /** Expr inList */
                inList?: (loch.v1.InListExpr.$Properties|null);

                /** Expr subquery */
                subquery?: (loch.v1.SubqueryExpr.$Properties|null);

                /** Expr expr */
                expr?: ("column"|"literal"|"call"|"cast"|"caseWhen"|"inList"|"subquery");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an Expr. */
            type $Shape = {
              column?: loch.v1.ColumnRef.$Shape|null;
              literal?: loch.v1.LiteralExpr.$Shape|null;
              call?: loch.v1.CallExpr.$Shape|null;
              cast?: loch.v1.CastExpr.$Shape|null;
              caseWhen?: loch.v1.CaseExpr.$Shape|null;
              inList?: loch.v1.InListExpr.$Shape|null;
              subquery?: loch.v1.SubqueryExpr.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ expr?: undefined; column?: null; literal?: null; call?: null; cast?: null; caseWhen?: null; inList?: null; subquery?: null }|{ expr?: "column"; column: loch.v1.ColumnRef.$Shape; literal?: null; call?: null; cast?: null; caseWhen?: null; inList?: null; subquery?: null }|{ expr?: "literal"; column?: null; literal: loch.v1.LiteralExpr.$Shape; call?: null; cast?: null; caseWhen?: null; inList?: null; subquery?: null }|{ expr?: "call"; column?: null; literal?: null; call: loch.v1.CallExpr.$Shape; cast?: null; caseWhen?: null; inList?: null; subquery?: null }|{ expr?: "cast"; column?: null; literal?: null; call?: null; cast: loch.v1.CastExpr.$Shape; caseWhen?: null; inList?: null; subquery?: null }|{ expr?: "caseWhen"; column?: null; literal?: null; call?: null; cast?: null; caseWhen: loch.v1.CaseExpr.$Shape; inList?: null; subquery?: null }|{ expr?: "inList"; column?: null; literal?: null; call?: null; cast?: null; caseWhen?: null; inList: loch.v1.InListExpr.$Shape; subquery?: null }|{ expr?: "subquery"; column?: null; literal?: null; call?: null; cast?: null; caseWhen?: null; inList?: null; subquery: loch.v1.SubqueryExpr.$Shape })
            );
        }

        /**
         * Properties of a ColumnRef.
         * @deprecated Use loch.v1.ColumnRef.$Properties instead.
         */
        interface IColumnRef extends loch.v1.ColumnRef.$Properties {
        }

        /** Represents a ColumnRef. */
        class ColumnRef {

            /**
             * Constructs a new ColumnRef.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ColumnRef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ColumnRef id. */
            id: number;

            /** ColumnRef name. */
            name: string;

            /** ColumnRef type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new ColumnRef instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ColumnRef instance
             */
            static create(properties: loch.v1.ColumnRef.$Shape): loch.v1.ColumnRef & loch.v1.ColumnRef.$Shape;
            static create(properties?: loch.v1.ColumnRef.$Properties): loch.v1.ColumnRef;

            /**
             * Encodes the specified ColumnRef message. Does not implicitly {@link loch.v1.ColumnRef.verify|verify} messages.
             * @param message ColumnRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ColumnRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ColumnRef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ColumnRef & loch.v1.ColumnRef.$Shape} ColumnRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ColumnRef & loch.v1.ColumnRef.$Shape;

            /**
             * Creates a ColumnRef message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ColumnRef
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ColumnRef;

            /**
             * Creates a plain object from a ColumnRef message. Also converts values to other types if specified.
             * @param message ColumnRef
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ColumnRef, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ColumnRef to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ColumnRef {

            /** Properties of a ColumnRef. */
            interface $Properties {

                /** ColumnRef id */
                id?: (number|null);

                /** ColumnRef name */
                name?: (string|null);

                /** ColumnRef type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ColumnRef. */
            type $Shape = loch.v1.ColumnRef.$Properties;
        }

        /**
         * Properties of a LiteralExpr.
         * @deprecated Use loch.v1.LiteralExpr.$Properties instead.
         */
        interface ILiteralExpr extends loch.v1.LiteralExpr.$Properties {
        }

        /** Represents a LiteralExpr. */
        class LiteralExpr {

            /**
             * Constructs a new LiteralExpr.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LiteralExpr.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LiteralExpr value. */
            value?: (loch.v1.LiteralValue.$Properties|null);

            /** LiteralExpr type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new LiteralExpr instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LiteralExpr instance
             */
            static create(properties: loch.v1.LiteralExpr.$Shape): loch.v1.LiteralExpr & loch.v1.LiteralExpr.$Shape;
            static create(properties?: loch.v1.LiteralExpr.$Properties): loch.v1.LiteralExpr;

            /**
             * Encodes the specified LiteralExpr message. Does not implicitly {@link loch.v1.LiteralExpr.verify|verify} messages.
             * @param message LiteralExpr message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LiteralExpr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LiteralExpr message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LiteralExpr & loch.v1.LiteralExpr.$Shape} LiteralExpr
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LiteralExpr & loch.v1.LiteralExpr.$Shape;

            /**
             * Creates a LiteralExpr message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LiteralExpr
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LiteralExpr;

            /**
             * Creates a plain object from a LiteralExpr message. Also converts values to other types if specified.
             * @param message LiteralExpr
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LiteralExpr, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LiteralExpr to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LiteralExpr {

            /** Properties of a LiteralExpr. */
            interface $Properties {

                /** LiteralExpr value */
                value?: (loch.v1.LiteralValue.$Properties|null);

                /** LiteralExpr type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LiteralExpr. */
            type $Shape = {
              value?: loch.v1.LiteralValue.$Shape|null;
              type?: loch.v1.DataType.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a CallExpr.
         * @deprecated Use loch.v1.CallExpr.$Properties instead.
         */
        interface ICallExpr extends loch.v1.CallExpr.$Properties {
        }

        /** Represents a CallExpr. */
        class CallExpr {

            /**
             * Constructs a new CallExpr.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CallExpr.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CallExpr fn. */
            fn: string;

            /** CallExpr args. */
            args: loch.v1.Expr.$Properties[];

            /** CallExpr type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new CallExpr instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CallExpr instance
             */
            static create(properties: loch.v1.CallExpr.$Shape): loch.v1.CallExpr & loch.v1.CallExpr.$Shape;
            static create(properties?: loch.v1.CallExpr.$Properties): loch.v1.CallExpr;

            /**
             * Encodes the specified CallExpr message. Does not implicitly {@link loch.v1.CallExpr.verify|verify} messages.
             * @param message CallExpr message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CallExpr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CallExpr message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CallExpr & loch.v1.CallExpr.$Shape} CallExpr
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CallExpr & loch.v1.CallExpr.$Shape;

            /**
             * Creates a CallExpr message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CallExpr
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CallExpr;

            /**
             * Creates a plain object from a CallExpr message. Also converts values to other types if specified.
             * @param message CallExpr
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CallExpr, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CallExpr to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CallExpr {

            /** Properties of a CallExpr. */
            interface $Properties {

                /** CallExpr fn */
                fn?: (string|null);

                /** CallExpr args */
                args?: (loch.v1.Expr.$Properties[]|null);

                /** CallExpr type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CallExpr. */
            type $Shape = {
              fn?: string|null;
              args?: loch.v1.Expr.$Shape[]|null;
              type?: loch.v1.DataType.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a CastExpr.
         * @deprecated Use loch.v1.CastExpr.$Properties instead.
         */
        interface ICastExpr extends loch.v1.CastExpr.$Properties {
        }

        /** Represents a CastExpr. */
        class CastExpr {

            /**
             * Constructs a new CastExpr.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CastExpr.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CastExpr input. */
            input?: (loch.v1.Expr.$Properties|null);

            /** CastExpr type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new CastExpr instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CastExpr instance
             */
            static create(properties: loch.v1.CastExpr.$Shape): loch.v1.CastExpr & loch.v1.CastExpr.$Shape;
            static create(properties?: loch.v1.CastExpr.$Properties): loch.v1.CastExpr;

            /**
             * Encodes the specified CastExpr message. Does not implicitly {@link loch.v1.CastExpr.verify|verify} messages.
             * @param message CastExpr message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CastExpr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CastExpr message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CastExpr & loch.v1.CastExpr.$Shape} CastExpr
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CastExpr & loch.v1.CastExpr.$Shape;

            /**
             * Creates a CastExpr message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CastExpr
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CastExpr;

            /**
             * Creates a plain object from a CastExpr message. Also converts values to other types if specified.
             * @param message CastExpr
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CastExpr, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CastExpr to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CastExpr {

            /** Properties of a CastExpr. */
            interface $Properties {

                /** CastExpr input */
                input?: (loch.v1.Expr.$Properties|null);

                /** CastExpr type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CastExpr. */
            type $Shape = {
              input?: loch.v1.Expr.$Shape|null;
              type?: loch.v1.DataType.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a CaseExpr.
         * @deprecated Use loch.v1.CaseExpr.$Properties instead.
         */
        interface ICaseExpr extends loch.v1.CaseExpr.$Properties {
        }

        /** Represents a CaseExpr. */
        class CaseExpr {

            /**
             * Constructs a new CaseExpr.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CaseExpr.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CaseExpr whens. */
            whens: loch.v1.CaseExpr.WhenClause.$Properties[];

            /** CaseExpr otherwise. */
            otherwise?: (loch.v1.Expr.$Properties|null);

            /** CaseExpr type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new CaseExpr instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CaseExpr instance
             */
            static create(properties: loch.v1.CaseExpr.$Shape): loch.v1.CaseExpr & loch.v1.CaseExpr.$Shape;
            static create(properties?: loch.v1.CaseExpr.$Properties): loch.v1.CaseExpr;

            /**
             * Encodes the specified CaseExpr message. Does not implicitly {@link loch.v1.CaseExpr.verify|verify} messages.
             * @param message CaseExpr message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CaseExpr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CaseExpr message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CaseExpr & loch.v1.CaseExpr.$Shape} CaseExpr
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CaseExpr & loch.v1.CaseExpr.$Shape;

            /**
             * Creates a CaseExpr message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CaseExpr
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CaseExpr;

            /**
             * Creates a plain object from a CaseExpr message. Also converts values to other types if specified.
             * @param message CaseExpr
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CaseExpr, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CaseExpr to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CaseExpr {

            /** Properties of a CaseExpr. */
            interface $Properties {

                /** CaseExpr whens */
                whens?: (loch.v1.CaseExpr.WhenClause.$Properties[]|null);

                /** CaseExpr otherwise */
                otherwise?: (loch.v1.Expr.$Properties|null);

                /** CaseExpr type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CaseExpr. */
            type $Shape = {
              whens?: loch.v1.CaseExpr.WhenClause.$Shape[]|null;
              otherwise?: loch.v1.Expr.$Shape|null;
              type?: loch.v1.DataType.$Shape|null;
              $unknowns?: Uint8Array[];
            };

            /**
             * Properties of a WhenClause.
             * @deprecated Use loch.v1.CaseExpr.WhenClause.$Properties instead.
             */
            interface IWhenClause extends loch.v1.CaseExpr.WhenClause.$Properties {
            }

            /** Represents a WhenClause. */
            class WhenClause {

                /**
                 * Constructs a new WhenClause.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: loch.v1.CaseExpr.WhenClause.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** WhenClause condition. */
                condition?: (loch.v1.Expr.$Properties|null);

                /** WhenClause result. */
                result?: (loch.v1.Expr.$Properties|null);

                /**
                 * Creates a new WhenClause instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns WhenClause instance
                 */
                static create(properties: loch.v1.CaseExpr.WhenClause.$Shape): loch.v1.CaseExpr.WhenClause & loch.v1.CaseExpr.WhenClause.$Shape;
                static create(properties?: loch.v1.CaseExpr.WhenClause.$Properties): loch.v1.CaseExpr.WhenClause;

                /**
                 * Encodes the specified WhenClause message. Does not implicitly {@link loch.v1.CaseExpr.WhenClause.verify|verify} messages.
                 * @param message WhenClause message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: loch.v1.CaseExpr.WhenClause.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a WhenClause message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {loch.v1.CaseExpr.WhenClause & loch.v1.CaseExpr.WhenClause.$Shape} WhenClause
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CaseExpr.WhenClause & loch.v1.CaseExpr.WhenClause.$Shape;

                /**
                 * Creates a WhenClause message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns WhenClause
                 */
                static fromObject(object: { [k: string]: any }): loch.v1.CaseExpr.WhenClause;

                /**
                 * Creates a plain object from a WhenClause message. Also converts values to other types if specified.
                 * @param message WhenClause
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: loch.v1.CaseExpr.WhenClause, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this WhenClause to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace WhenClause {

                /** Properties of a WhenClause. */
                interface $Properties {

                    /** WhenClause condition */
                    condition?: (loch.v1.Expr.$Properties|null);

                    /** WhenClause result */
                    result?: (loch.v1.Expr.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a WhenClause. */
                type $Shape = {
                  condition?: loch.v1.Expr.$Shape|null;
                  result?: loch.v1.Expr.$Shape|null;
                  $unknowns?: Uint8Array[];
                };
            }
        }

        /**
         * Properties of an InListExpr.
         * @deprecated Use loch.v1.InListExpr.$Properties instead.
         */
        interface IInListExpr extends loch.v1.InListExpr.$Properties {
        }

        /** Represents an InListExpr. */
        class InListExpr {

            /**
             * Constructs a new InListExpr.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.InListExpr.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InListExpr input. */
            input?: (loch.v1.Expr.$Properties|null);

            /** InListExpr list. */
            list: loch.v1.Expr.$Properties[];

            /** InListExpr negated. */
            negated: boolean;

            /** InListExpr type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new InListExpr instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InListExpr instance
             */
            static create(properties: loch.v1.InListExpr.$Shape): loch.v1.InListExpr & loch.v1.InListExpr.$Shape;
            static create(properties?: loch.v1.InListExpr.$Properties): loch.v1.InListExpr;

            /**
             * Encodes the specified InListExpr message. Does not implicitly {@link loch.v1.InListExpr.verify|verify} messages.
             * @param message InListExpr message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.InListExpr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InListExpr message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.InListExpr & loch.v1.InListExpr.$Shape} InListExpr
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.InListExpr & loch.v1.InListExpr.$Shape;

            /**
             * Creates an InListExpr message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns InListExpr
             */
            static fromObject(object: { [k: string]: any }): loch.v1.InListExpr;

            /**
             * Creates a plain object from an InListExpr message. Also converts values to other types if specified.
             * @param message InListExpr
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.InListExpr, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this InListExpr to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace InListExpr {

            /** Properties of an InListExpr. */
            interface $Properties {

                /** InListExpr input */
                input?: (loch.v1.Expr.$Properties|null);

                /** InListExpr list */
                list?: (loch.v1.Expr.$Properties[]|null);

                /** InListExpr negated */
                negated?: (boolean|null);

                /** InListExpr type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InListExpr. */
            type $Shape = {
              input?: loch.v1.Expr.$Shape|null;
              list?: loch.v1.Expr.$Shape[]|null;
              negated?: boolean|null;
              type?: loch.v1.DataType.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a SubqueryExpr.
         * @deprecated Use loch.v1.SubqueryExpr.$Properties instead.
         */
        interface ISubqueryExpr extends loch.v1.SubqueryExpr.$Properties {
        }

        /** Represents a SubqueryExpr. */
        class SubqueryExpr {

            /**
             * Constructs a new SubqueryExpr.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.SubqueryExpr.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SubqueryExpr subqueryKind. */
            subqueryKind: loch.v1.SubqueryExpr.Kind;

            /** SubqueryExpr plan. */
            plan?: (loch.v1.LogicalPlan.$Properties|null);

            /** SubqueryExpr input. */
            input?: (loch.v1.Expr.$Properties|null);

            /** SubqueryExpr negated. */
            negated: boolean;

            /** SubqueryExpr outerRefs. */
            outerRefs: number[];

            /** SubqueryExpr type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new SubqueryExpr instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SubqueryExpr instance
             */
            static create(properties: loch.v1.SubqueryExpr.$Shape): loch.v1.SubqueryExpr & loch.v1.SubqueryExpr.$Shape;
            static create(properties?: loch.v1.SubqueryExpr.$Properties): loch.v1.SubqueryExpr;

            /**
             * Encodes the specified SubqueryExpr message. Does not implicitly {@link loch.v1.SubqueryExpr.verify|verify} messages.
             * @param message SubqueryExpr message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.SubqueryExpr.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SubqueryExpr message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.SubqueryExpr & loch.v1.SubqueryExpr.$Shape} SubqueryExpr
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.SubqueryExpr & loch.v1.SubqueryExpr.$Shape;

            /**
             * Creates a SubqueryExpr message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SubqueryExpr
             */
            static fromObject(object: { [k: string]: any }): loch.v1.SubqueryExpr;

            /**
             * Creates a plain object from a SubqueryExpr message. Also converts values to other types if specified.
             * @param message SubqueryExpr
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.SubqueryExpr, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SubqueryExpr to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SubqueryExpr {

            /** Properties of a SubqueryExpr. */
            interface $Properties {

                /** SubqueryExpr subqueryKind */
                subqueryKind?: (loch.v1.SubqueryExpr.Kind|null);

                /** SubqueryExpr plan */
                plan?: (loch.v1.LogicalPlan.$Properties|null);

                /** SubqueryExpr input */
                input?: (loch.v1.Expr.$Properties|null);

                /** SubqueryExpr negated */
                negated?: (boolean|null);

                /** SubqueryExpr outerRefs */
                outerRefs?: (number[]|null);

                /** SubqueryExpr type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SubqueryExpr. */
            type $Shape = {
              subqueryKind?: loch.v1.SubqueryExpr.Kind|null;
              plan?: loch.v1.LogicalPlan.$Shape|null;
              input?: loch.v1.Expr.$Shape|null;
              negated?: boolean|null;
              outerRefs?: number[]|null;
              type?: loch.v1.DataType.$Shape|null;
              $unknowns?: Uint8Array[];
            };

            /** Kind enum. */
            enum Kind {

                /** KIND_UNSPECIFIED value */
                KIND_UNSPECIFIED = 0,

                /** SCALAR value */
                SCALAR = 1,

                /** EXISTS value */
                EXISTS = 2,

                /** IN value */
                IN = 3
            }
        }

        /**
         * Properties of an AggregateCall.
         * @deprecated Use loch.v1.AggregateCall.$Properties instead.
         */
        interface IAggregateCall extends loch.v1.AggregateCall.$Properties {
        }

        /** Represents an AggregateCall. */
        class AggregateCall {

            /**
             * Constructs a new AggregateCall.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.AggregateCall.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AggregateCall fn. */
            fn: string;

            /** AggregateCall args. */
            args: loch.v1.Expr.$Properties[];

            /** AggregateCall distinct. */
            distinct: boolean;

            /** AggregateCall filter. */
            filter?: (loch.v1.Expr.$Properties|null);

            /** AggregateCall type. */
            type?: (loch.v1.DataType.$Properties|null);

            /**
             * Creates a new AggregateCall instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AggregateCall instance
             */
            static create(properties: loch.v1.AggregateCall.$Shape): loch.v1.AggregateCall & loch.v1.AggregateCall.$Shape;
            static create(properties?: loch.v1.AggregateCall.$Properties): loch.v1.AggregateCall;

            /**
             * Encodes the specified AggregateCall message. Does not implicitly {@link loch.v1.AggregateCall.verify|verify} messages.
             * @param message AggregateCall message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.AggregateCall.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AggregateCall message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.AggregateCall & loch.v1.AggregateCall.$Shape} AggregateCall
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.AggregateCall & loch.v1.AggregateCall.$Shape;

            /**
             * Creates an AggregateCall message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AggregateCall
             */
            static fromObject(object: { [k: string]: any }): loch.v1.AggregateCall;

            /**
             * Creates a plain object from an AggregateCall message. Also converts values to other types if specified.
             * @param message AggregateCall
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.AggregateCall, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AggregateCall to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace AggregateCall {

            /** Properties of an AggregateCall. */
            interface $Properties {

                /** AggregateCall fn */
                fn?: (string|null);

                /** AggregateCall args */
                args?: (loch.v1.Expr.$Properties[]|null);

                /** AggregateCall distinct */
                distinct?: (boolean|null);

                /** AggregateCall filter */
                filter?: (loch.v1.Expr.$Properties|null);

                /** AggregateCall type */
                type?: (loch.v1.DataType.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AggregateCall. */
            type $Shape = {
              fn?: string|null;
              args?: loch.v1.Expr.$Shape[]|null;
              distinct?: boolean|null;
              filter?: loch.v1.Expr.$Shape|null;
              type?: loch.v1.DataType.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a SortKey.
         * @deprecated Use loch.v1.SortKey.$Properties instead.
         */
        interface ISortKey extends loch.v1.SortKey.$Properties {
        }

        /** Represents a SortKey. */
        class SortKey {

            /**
             * Constructs a new SortKey.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.SortKey.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SortKey expr. */
            expr?: (loch.v1.Expr.$Properties|null);

            /** SortKey ascending. */
            ascending: boolean;

            /** SortKey nullsFirst. */
            nullsFirst: boolean;

            /**
             * Creates a new SortKey instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SortKey instance
             */
            static create(properties: loch.v1.SortKey.$Shape): loch.v1.SortKey & loch.v1.SortKey.$Shape;
            static create(properties?: loch.v1.SortKey.$Properties): loch.v1.SortKey;

            /**
             * Encodes the specified SortKey message. Does not implicitly {@link loch.v1.SortKey.verify|verify} messages.
             * @param message SortKey message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.SortKey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SortKey message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.SortKey & loch.v1.SortKey.$Shape} SortKey
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.SortKey & loch.v1.SortKey.$Shape;

            /**
             * Creates a SortKey message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SortKey
             */
            static fromObject(object: { [k: string]: any }): loch.v1.SortKey;

            /**
             * Creates a plain object from a SortKey message. Also converts values to other types if specified.
             * @param message SortKey
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.SortKey, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SortKey to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SortKey {

            /** Properties of a SortKey. */
            interface $Properties {

                /** SortKey expr */
                expr?: (loch.v1.Expr.$Properties|null);

                /** SortKey ascending */
                ascending?: (boolean|null);

                /** SortKey nullsFirst */
                nullsFirst?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SortKey. */
            type $Shape = {
              expr?: loch.v1.Expr.$Shape|null;
              ascending?: boolean|null;
              nullsFirst?: boolean|null;
              $unknowns?: Uint8Array[];
            };
        }

        /** JoinType enum. */
        enum JoinType {

            /** JOIN_TYPE_UNSPECIFIED value */
            JOIN_TYPE_UNSPECIFIED = 0,

            /** INNER value */
            INNER = 1,

            /** LEFT value */
            LEFT = 2,

            /** RIGHT value */
            RIGHT = 3,

            /** FULL value */
            FULL = 4,

            /** SEMI value */
            SEMI = 5,

            /** ANTI value */
            ANTI = 6,

            /** ANTI_NULL_AWARE value */
            ANTI_NULL_AWARE = 7,

            /** CROSS value */
            CROSS = 8,

            /** MARK value */
            MARK = 9
        }

        /**
         * Properties of an ExprRow.
         * @deprecated Use loch.v1.ExprRow.$Properties instead.
         */
        interface IExprRow extends loch.v1.ExprRow.$Properties {
        }

        /** Represents an ExprRow. */
        class ExprRow {

            /**
             * Constructs a new ExprRow.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ExprRow.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExprRow values. */
            values: loch.v1.Expr.$Properties[];

            /**
             * Creates a new ExprRow instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExprRow instance
             */
            static create(properties: loch.v1.ExprRow.$Shape): loch.v1.ExprRow & loch.v1.ExprRow.$Shape;
            static create(properties?: loch.v1.ExprRow.$Properties): loch.v1.ExprRow;

            /**
             * Encodes the specified ExprRow message. Does not implicitly {@link loch.v1.ExprRow.verify|verify} messages.
             * @param message ExprRow message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ExprRow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExprRow message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ExprRow & loch.v1.ExprRow.$Shape} ExprRow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ExprRow & loch.v1.ExprRow.$Shape;

            /**
             * Creates an ExprRow message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExprRow
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ExprRow;

            /**
             * Creates a plain object from an ExprRow message. Also converts values to other types if specified.
             * @param message ExprRow
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ExprRow, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExprRow to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ExprRow {

            /** Properties of an ExprRow. */
            interface $Properties {

                /** ExprRow values */
                values?: (loch.v1.Expr.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExprRow. */
            type $Shape = {
              values?: loch.v1.Expr.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalPlan.
         * @deprecated Use loch.v1.LogicalPlan.$Properties instead.
         */
        interface ILogicalPlan extends loch.v1.LogicalPlan.$Properties {
        }

        /** Represents a LogicalPlan. */
        class LogicalPlan {

            /**
             * Constructs a new LogicalPlan.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalPlan.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalPlan scan. */
            scan?: (loch.v1.LogicalScan.$Properties|null);

            /** LogicalPlan values. */
            values?: (loch.v1.LogicalValues.$Properties|null);

            /** LogicalPlan filter. */
            filter?: (loch.v1.LogicalFilter.$Properties|null);

            /** LogicalPlan project. */
            project?: (loch.v1.LogicalProject.$Properties|null);

            /** LogicalPlan aggregate. */
            aggregate?: (loch.v1.LogicalAggregate.$Properties|null);

            /** LogicalPlan join. */
            join?: (loch.v1.LogicalJoin.$Properties|null);

            /** LogicalPlan sort. */
            sort?: (loch.v1.LogicalSort.$Properties|null);

            /** LogicalPlan limit. */
            limit?: (loch.v1.LogicalLimit.$Properties|null);

            /** LogicalPlan setOperation. */
            setOperation?: (loch.v1.LogicalSetOperation.$Properties|null);

            /** LogicalPlan distinct. */
            distinct?: (loch.v1.LogicalDistinct.$Properties|null);

            /** LogicalPlan cteRef. */
            cteRef?: (loch.v1.LogicalCteRef.$Properties|null);

            /** LogicalPlan cteAnchor. */
            cteAnchor?: (loch.v1.LogicalCteAnchor.$Properties|null);

            /** LogicalPlan singleRow. */
            singleRow?: (loch.v1.LogicalSingleRow.$Properties|null);

            /** LogicalPlan empty. */
            empty?: (loch.v1.LogicalEmpty.$Properties|null);

            /** LogicalPlan window. */
            window?: (loch.v1.LogicalWindow.$Properties|null);

            /** LogicalPlan unnest. */
            unnest?: (loch.v1.LogicalUnnest.$Properties|null);

            /** LogicalPlan node. */
            node?: ("scan"|"values"|"filter"|"project"|"aggregate"|"join"|"sort"|"limit"|"setOperation"|"distinct"|"cteRef"|"cteAnchor"|"singleRow"|"empty"|"window"|"unnest");

            /**
             * Creates a new LogicalPlan instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalPlan instance
             */
            static create(properties: loch.v1.LogicalPlan.$Shape): loch.v1.LogicalPlan & loch.v1.LogicalPlan.$Shape;
            static create(properties?: loch.v1.LogicalPlan.$Properties): loch.v1.LogicalPlan;

            /**
             * Encodes the specified LogicalPlan message. Does not implicitly {@link loch.v1.LogicalPlan.verify|verify} messages.
             * @param message LogicalPlan message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalPlan.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalPlan message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalPlan & loch.v1.LogicalPlan.$Shape} LogicalPlan
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalPlan & loch.v1.LogicalPlan.$Shape;

            /**
             * Creates a LogicalPlan message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalPlan
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalPlan;

            /**
             * Creates a plain object from a LogicalPlan message. Also converts values to other types if specified.
             * @param message LogicalPlan
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalPlan, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalPlan to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalPlan {

            /** Properties of a LogicalPlan. */
            interface $Properties {

                /** LogicalPlan scan */
                scan?: (loch.v1.LogicalScan.$Properties|null);

                /** LogicalPlan values */
                values?: (loch.v1.LogicalValues.$Properties|null);

                /** LogicalPlan filter */
                filter?: (loch.v1.LogicalFilter.$Properties|null);

                /** LogicalPlan project */
                project?: (loch.v1.LogicalProject.$Properties|null);

                /** LogicalPlan aggregate */
                aggregate?: (loch.v1.LogicalAggregate.$Properties|null);

                /** LogicalPlan join */
                join?: (loch.v1.LogicalJoin.$Properties|null);

                /** LogicalPlan sort */
                sort?: (loch.v1.LogicalSort.$Properties|null);

                /** LogicalPlan limit */
                limit?: (loch.v1.LogicalLimit.$Properties|null);

                /** LogicalPlan setOperation */
                setOperation?: (loch.v1.LogicalSetOperation.$Properties|null);

                /** LogicalPlan distinct */
                distinct?: (loch.v1.LogicalDistinct.$Properties|null);

                /** LogicalPlan cteRef */
                cteRef?: (loch.v1.LogicalCteRef.$Properties|null);

                /** LogicalPlan cteAnchor */
                cteAnchor?: (loch.v1.LogicalCteAnchor.$Properties|null);

                /** LogicalPlan singleRow */
                singleRow?: (loch.v1.LogicalSingleRow.$Properties|null);

                /** LogicalPlan empty */
                empty?: (loch.v1.LogicalEmpty.$Properties|null);

                /** LogicalPlan window */
                window?: (loch.v1.LogicalWindow.$Properties|null);

                /** LogicalPlan unnest */
                unnest?: (loch.v1.LogicalUnnest.$Properties|null);

                /** LogicalPlan node */
                node?: ("scan"|"values"|"filter"|"project"|"aggregate"|"join"|"sort"|"limit"|"setOperation"|"distinct"|"cteRef"|"cteAnchor"|"singleRow"|"empty"|"window"|"unnest");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a LogicalPlan. */
            type $Shape = {
              scan?: loch.v1.LogicalScan.$Shape|null;
              values?: loch.v1.LogicalValues.$Shape|null;
              filter?: loch.v1.LogicalFilter.$Shape|null;
              project?: loch.v1.LogicalProject.$Shape|null;
              aggregate?: loch.v1.LogicalAggregate.$Shape|null;
              join?: loch.v1.LogicalJoin.$Shape|null;
              sort?: loch.v1.LogicalSort.$Shape|null;
              limit?: loch.v1.LogicalLimit.$Shape|null;
              setOperation?: loch.v1.LogicalSetOperation.$Shape|null;
              distinct?: loch.v1.LogicalDistinct.$Shape|null;
              cteRef?: loch.v1.LogicalCteRef.$Shape|null;
              cteAnchor?: loch.v1.LogicalCteAnchor.$Shape|null;
              singleRow?: loch.v1.LogicalSingleRow.$Shape|null;
              empty?: loch.v1.LogicalEmpty.$Shape|null;
              window?: loch.v1.LogicalWindow.$Shape|null;
              unnest?: loch.v1.LogicalUnnest.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ node?: undefined; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "scan"; scan: loch.v1.LogicalScan.$Shape; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "values"; scan?: null; values: loch.v1.LogicalValues.$Shape; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "filter"; scan?: null; values?: null; filter: loch.v1.LogicalFilter.$Shape; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "project"; scan?: null; values?: null; filter?: null; project: loch.v1.LogicalProject.$Shape; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "aggregate"; scan?: null; values?: null; filter?: null; project?: null; aggregate: loch.v1.LogicalAggregate.$Shape; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "join"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join: loch.v1.LogicalJoin.$Shape; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "sort"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort: loch.v1.LogicalSort.$Shape; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "limit"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit: loch.v1.LogicalLimit.$Shape; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "setOperation"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation: loch.v1.LogicalSetOperation.$Shape; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "distinct"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct: loch.v1.LogicalDistinct.$Shape; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "cteRef"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef: loch.v1.LogicalCteRef.$Shape; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "cteAnchor"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor: loch.v1.LogicalCteAnchor.$Shape; singleRow?: null; empty?: null; window?: null; unnest?: null }|{ node?: "singleRow"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow: loch.v1.LogicalSingleRow.$Shape; empty?: null; window?: null; unnest?: null }|{ node?: "empty"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty: loch.v1.LogicalEmpty.$Shape; window?: null; unnest?: null }|{ node?: "window"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window: loch.v1.LogicalWindow.$Shape; unnest?: null }|{ node?: "unnest"; scan?: null; values?: null; filter?: null; project?: null; aggregate?: null; join?: null; sort?: null; limit?: null; setOperation?: null; distinct?: null; cteRef?: null; cteAnchor?: null; singleRow?: null; empty?: null; window?: null; unnest: loch.v1.LogicalUnnest.$Shape })
            );
        }

        /**
         * Properties of a WindowFrameBound.
         * @deprecated Use loch.v1.WindowFrameBound.$Properties instead.
         */
        interface IWindowFrameBound extends loch.v1.WindowFrameBound.$Properties {
        }

        /** Represents a WindowFrameBound. */
        class WindowFrameBound {

            /**
             * Constructs a new WindowFrameBound.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.WindowFrameBound.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WindowFrameBound kind. */
            kind: string;

            /** WindowFrameBound offset. */
            offset?: (loch.v1.Expr.$Properties|null);

            /**
             * Creates a new WindowFrameBound instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WindowFrameBound instance
             */
            static create(properties: loch.v1.WindowFrameBound.$Shape): loch.v1.WindowFrameBound & loch.v1.WindowFrameBound.$Shape;
            static create(properties?: loch.v1.WindowFrameBound.$Properties): loch.v1.WindowFrameBound;

            /**
             * Encodes the specified WindowFrameBound message. Does not implicitly {@link loch.v1.WindowFrameBound.verify|verify} messages.
             * @param message WindowFrameBound message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.WindowFrameBound.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WindowFrameBound message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.WindowFrameBound & loch.v1.WindowFrameBound.$Shape} WindowFrameBound
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.WindowFrameBound & loch.v1.WindowFrameBound.$Shape;

            /**
             * Creates a WindowFrameBound message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WindowFrameBound
             */
            static fromObject(object: { [k: string]: any }): loch.v1.WindowFrameBound;

            /**
             * Creates a plain object from a WindowFrameBound message. Also converts values to other types if specified.
             * @param message WindowFrameBound
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.WindowFrameBound, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WindowFrameBound to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace WindowFrameBound {

            /** Properties of a WindowFrameBound. */
            interface $Properties {

                /** WindowFrameBound kind */
                kind?: (string|null);

                /** WindowFrameBound offset */
                offset?: (loch.v1.Expr.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WindowFrameBound. */
            type $Shape = {
              kind?: string|null;
              offset?: loch.v1.Expr.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a WindowFrame.
         * @deprecated Use loch.v1.WindowFrame.$Properties instead.
         */
        interface IWindowFrame extends loch.v1.WindowFrame.$Properties {
        }

        /** Represents a WindowFrame. */
        class WindowFrame {

            /**
             * Constructs a new WindowFrame.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.WindowFrame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WindowFrame mode. */
            mode: string;

            /** WindowFrame start. */
            start?: (loch.v1.WindowFrameBound.$Properties|null);

            /** WindowFrame end. */
            end?: (loch.v1.WindowFrameBound.$Properties|null);

            /** WindowFrame exclude. */
            exclude: string;

            /**
             * Creates a new WindowFrame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WindowFrame instance
             */
            static create(properties: loch.v1.WindowFrame.$Shape): loch.v1.WindowFrame & loch.v1.WindowFrame.$Shape;
            static create(properties?: loch.v1.WindowFrame.$Properties): loch.v1.WindowFrame;

            /**
             * Encodes the specified WindowFrame message. Does not implicitly {@link loch.v1.WindowFrame.verify|verify} messages.
             * @param message WindowFrame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.WindowFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WindowFrame message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.WindowFrame & loch.v1.WindowFrame.$Shape} WindowFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.WindowFrame & loch.v1.WindowFrame.$Shape;

            /**
             * Creates a WindowFrame message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WindowFrame
             */
            static fromObject(object: { [k: string]: any }): loch.v1.WindowFrame;

            /**
             * Creates a plain object from a WindowFrame message. Also converts values to other types if specified.
             * @param message WindowFrame
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.WindowFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WindowFrame to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace WindowFrame {

            /** Properties of a WindowFrame. */
            interface $Properties {

                /** WindowFrame mode */
                mode?: (string|null);

                /** WindowFrame start */
                start?: (loch.v1.WindowFrameBound.$Properties|null);

                /** WindowFrame end */
                end?: (loch.v1.WindowFrameBound.$Properties|null);

                /** WindowFrame exclude */
                exclude?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WindowFrame. */
            type $Shape = {
              mode?: string|null;
              start?: loch.v1.WindowFrameBound.$Shape|null;
              end?: loch.v1.WindowFrameBound.$Shape|null;
              exclude?: string|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a WindowFunctionCall.
         * @deprecated Use loch.v1.WindowFunctionCall.$Properties instead.
         */
        interface IWindowFunctionCall extends loch.v1.WindowFunctionCall.$Properties {
        }

        /** Represents a WindowFunctionCall. */
        class WindowFunctionCall {

            /**
             * Constructs a new WindowFunctionCall.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.WindowFunctionCall.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WindowFunctionCall fn. */
            fn: string;

            /** WindowFunctionCall args. */
            args: loch.v1.Expr.$Properties[];

            /** WindowFunctionCall filter. */
            filter?: (loch.v1.Expr.$Properties|null);

            /** WindowFunctionCall frame. */
            frame?: (loch.v1.WindowFrame.$Properties|null);

            /** WindowFunctionCall type. */
            type?: (loch.v1.DataType.$Properties|null);

            /** WindowFunctionCall ignoreNulls. */
            ignoreNulls: boolean;

            /** WindowFunctionCall distinct. */
            distinct: boolean;

            /**
             * Creates a new WindowFunctionCall instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WindowFunctionCall instance
             */
            static create(properties: loch.v1.WindowFunctionCall.$Shape): loch.v1.WindowFunctionCall & loch.v1.WindowFunctionCall.$Shape;
            static create(properties?: loch.v1.WindowFunctionCall.$Properties): loch.v1.WindowFunctionCall;

            /**
             * Encodes the specified WindowFunctionCall message. Does not implicitly {@link loch.v1.WindowFunctionCall.verify|verify} messages.
             * @param message WindowFunctionCall message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.WindowFunctionCall.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WindowFunctionCall message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.WindowFunctionCall & loch.v1.WindowFunctionCall.$Shape} WindowFunctionCall
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.WindowFunctionCall & loch.v1.WindowFunctionCall.$Shape;

            /**
             * Creates a WindowFunctionCall message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WindowFunctionCall
             */
            static fromObject(object: { [k: string]: any }): loch.v1.WindowFunctionCall;

            /**
             * Creates a plain object from a WindowFunctionCall message. Also converts values to other types if specified.
             * @param message WindowFunctionCall
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.WindowFunctionCall, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WindowFunctionCall to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace WindowFunctionCall {

            /** Properties of a WindowFunctionCall. */
            interface $Properties {

                /** WindowFunctionCall fn */
                fn?: (string|null);

                /** WindowFunctionCall args */
                args?: (loch.v1.Expr.$Properties[]|null);

                /** WindowFunctionCall filter */
                filter?: (loch.v1.Expr.$Properties|null);

                /** WindowFunctionCall frame */
                frame?: (loch.v1.WindowFrame.$Properties|null);

                /** WindowFunctionCall type */
                type?: (loch.v1.DataType.$Properties|null);

                /** WindowFunctionCall ignoreNulls */
                ignoreNulls?: (boolean|null);

                /** WindowFunctionCall distinct */
                distinct?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WindowFunctionCall. */
            type $Shape = {
              fn?: string|null;
              args?: loch.v1.Expr.$Shape[]|null;
              filter?: loch.v1.Expr.$Shape|null;
              frame?: loch.v1.WindowFrame.$Shape|null;
              type?: loch.v1.DataType.$Shape|null;
              ignoreNulls?: boolean|null;
              distinct?: boolean|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalWindow.
         * @deprecated Use loch.v1.LogicalWindow.$Properties instead.
         */
        interface ILogicalWindow extends loch.v1.LogicalWindow.$Properties {
        }

        /** Represents a LogicalWindow. */
        class LogicalWindow {

            /**
             * Constructs a new LogicalWindow.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalWindow.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalWindow input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalWindow partitionBy. */
            partitionBy: loch.v1.Expr.$Properties[];

            /** LogicalWindow orderBy. */
            orderBy: loch.v1.SortKey.$Properties[];

            /** LogicalWindow functions. */
            functions: loch.v1.WindowFunctionCall.$Properties[];

            /** LogicalWindow columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /**
             * Creates a new LogicalWindow instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalWindow instance
             */
            static create(properties: loch.v1.LogicalWindow.$Shape): loch.v1.LogicalWindow & loch.v1.LogicalWindow.$Shape;
            static create(properties?: loch.v1.LogicalWindow.$Properties): loch.v1.LogicalWindow;

            /**
             * Encodes the specified LogicalWindow message. Does not implicitly {@link loch.v1.LogicalWindow.verify|verify} messages.
             * @param message LogicalWindow message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalWindow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalWindow message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalWindow & loch.v1.LogicalWindow.$Shape} LogicalWindow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalWindow & loch.v1.LogicalWindow.$Shape;

            /**
             * Creates a LogicalWindow message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalWindow
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalWindow;

            /**
             * Creates a plain object from a LogicalWindow message. Also converts values to other types if specified.
             * @param message LogicalWindow
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalWindow, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalWindow to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalWindow {

            /** Properties of a LogicalWindow. */
            interface $Properties {

                /** LogicalWindow input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalWindow partitionBy */
                partitionBy?: (loch.v1.Expr.$Properties[]|null);

                /** LogicalWindow orderBy */
                orderBy?: (loch.v1.SortKey.$Properties[]|null);

                /** LogicalWindow functions */
                functions?: (loch.v1.WindowFunctionCall.$Properties[]|null);

                /** LogicalWindow columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalWindow. */
            type $Shape = {
              input?: loch.v1.LogicalPlan.$Shape|null;
              partitionBy?: loch.v1.Expr.$Shape[]|null;
              orderBy?: loch.v1.SortKey.$Shape[]|null;
              functions?: loch.v1.WindowFunctionCall.$Shape[]|null;
              columns?: loch.v1.PlanColumn.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalUnnest.
         * @deprecated Use loch.v1.LogicalUnnest.$Properties instead.
         */
        interface ILogicalUnnest extends loch.v1.LogicalUnnest.$Properties {
        }

        /** Represents a LogicalUnnest. */
        class LogicalUnnest {

            /**
             * Constructs a new LogicalUnnest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalUnnest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalUnnest input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalUnnest arrays. */
            arrays: loch.v1.Expr.$Properties[];

            /** LogicalUnnest ordinality. */
            ordinality: boolean;

            /** LogicalUnnest columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /** LogicalUnnest hasPassThrough. */
            hasPassThrough: boolean;

            /** LogicalUnnest passThrough. */
            passThrough: number[];

            /** LogicalUnnest outer. */
            outer: boolean;

            /**
             * Creates a new LogicalUnnest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalUnnest instance
             */
            static create(properties: loch.v1.LogicalUnnest.$Shape): loch.v1.LogicalUnnest & loch.v1.LogicalUnnest.$Shape;
            static create(properties?: loch.v1.LogicalUnnest.$Properties): loch.v1.LogicalUnnest;

            /**
             * Encodes the specified LogicalUnnest message. Does not implicitly {@link loch.v1.LogicalUnnest.verify|verify} messages.
             * @param message LogicalUnnest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalUnnest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalUnnest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalUnnest & loch.v1.LogicalUnnest.$Shape} LogicalUnnest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalUnnest & loch.v1.LogicalUnnest.$Shape;

            /**
             * Creates a LogicalUnnest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalUnnest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalUnnest;

            /**
             * Creates a plain object from a LogicalUnnest message. Also converts values to other types if specified.
             * @param message LogicalUnnest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalUnnest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalUnnest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalUnnest {

            /** Properties of a LogicalUnnest. */
            interface $Properties {

                /** LogicalUnnest input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalUnnest arrays */
                arrays?: (loch.v1.Expr.$Properties[]|null);

                /** LogicalUnnest ordinality */
                ordinality?: (boolean|null);

                /** LogicalUnnest columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** LogicalUnnest hasPassThrough */
                hasPassThrough?: (boolean|null);

                /** LogicalUnnest passThrough */
                passThrough?: (number[]|null);

                /** LogicalUnnest outer */
                outer?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalUnnest. */
            type $Shape = {
              input?: loch.v1.LogicalPlan.$Shape|null;
              arrays?: loch.v1.Expr.$Shape[]|null;
              ordinality?: boolean|null;
              columns?: loch.v1.PlanColumn.$Shape[]|null;
              hasPassThrough?: boolean|null;
              passThrough?: number[]|null;
              outer?: boolean|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a ScanColumn.
         * @deprecated Use loch.v1.ScanColumn.$Properties instead.
         */
        interface IScanColumn extends loch.v1.ScanColumn.$Properties {
        }

        /** Represents a ScanColumn. */
        class ScanColumn {

            /**
             * Constructs a new ScanColumn.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ScanColumn.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ScanColumn column. */
            column?: (loch.v1.PlanColumn.$Properties|null);

            /** ScanColumn sourceIndex. */
            sourceIndex: number;

            /**
             * Creates a new ScanColumn instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ScanColumn instance
             */
            static create(properties: loch.v1.ScanColumn.$Shape): loch.v1.ScanColumn & loch.v1.ScanColumn.$Shape;
            static create(properties?: loch.v1.ScanColumn.$Properties): loch.v1.ScanColumn;

            /**
             * Encodes the specified ScanColumn message. Does not implicitly {@link loch.v1.ScanColumn.verify|verify} messages.
             * @param message ScanColumn message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ScanColumn.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ScanColumn message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ScanColumn & loch.v1.ScanColumn.$Shape} ScanColumn
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ScanColumn & loch.v1.ScanColumn.$Shape;

            /**
             * Creates a ScanColumn message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ScanColumn
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ScanColumn;

            /**
             * Creates a plain object from a ScanColumn message. Also converts values to other types if specified.
             * @param message ScanColumn
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ScanColumn, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ScanColumn to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ScanColumn {

            /** Properties of a ScanColumn. */
            interface $Properties {

                /** ScanColumn column */
                column?: (loch.v1.PlanColumn.$Properties|null);

                /** ScanColumn sourceIndex */
                sourceIndex?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ScanColumn. */
            type $Shape = loch.v1.ScanColumn.$Properties;
        }

        /**
         * Properties of a LogicalScan.
         * @deprecated Use loch.v1.LogicalScan.$Properties instead.
         */
        interface ILogicalScan extends loch.v1.LogicalScan.$Properties {
        }

        /** Represents a LogicalScan. */
        class LogicalScan {

            /**
             * Constructs a new LogicalScan.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalScan.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalScan tableName. */
            tableName: string;

            /** LogicalScan source. */
            source?: (loch.v1.TableSource.$Properties|null);

            /** LogicalScan columns. */
            columns: loch.v1.ScanColumn.$Properties[];

            /** LogicalScan pushedPredicates. */
            pushedPredicates: loch.v1.ScanPredicate.$Properties[];

            /** LogicalScan rowEstimate. */
            rowEstimate?: (number|null);

            /**
             * Creates a new LogicalScan instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalScan instance
             */
            static create(properties: loch.v1.LogicalScan.$Shape): loch.v1.LogicalScan & loch.v1.LogicalScan.$Shape;
            static create(properties?: loch.v1.LogicalScan.$Properties): loch.v1.LogicalScan;

            /**
             * Encodes the specified LogicalScan message. Does not implicitly {@link loch.v1.LogicalScan.verify|verify} messages.
             * @param message LogicalScan message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalScan.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalScan message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalScan & loch.v1.LogicalScan.$Shape} LogicalScan
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalScan & loch.v1.LogicalScan.$Shape;

            /**
             * Creates a LogicalScan message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalScan
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalScan;

            /**
             * Creates a plain object from a LogicalScan message. Also converts values to other types if specified.
             * @param message LogicalScan
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalScan, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalScan to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalScan {

            /** Properties of a LogicalScan. */
            interface $Properties {

                /** LogicalScan tableName */
                tableName?: (string|null);

                /** LogicalScan source */
                source?: (loch.v1.TableSource.$Properties|null);

                /** LogicalScan columns */
                columns?: (loch.v1.ScanColumn.$Properties[]|null);

                /** LogicalScan pushedPredicates */
                pushedPredicates?: (loch.v1.ScanPredicate.$Properties[]|null);

                /** LogicalScan rowEstimate */
                rowEstimate?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalScan. */
            type $Shape = {
              tableName?: string|null;
              source?: loch.v1.TableSource.$Shape|null;
              columns?: loch.v1.ScanColumn.$Shape[]|null;
              pushedPredicates?: loch.v1.ScanPredicate.$Shape[]|null;
              rowEstimate?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalValues.
         * @deprecated Use loch.v1.LogicalValues.$Properties instead.
         */
        interface ILogicalValues extends loch.v1.LogicalValues.$Properties {
        }

        /** Represents a LogicalValues. */
        class LogicalValues {

            /**
             * Constructs a new LogicalValues.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalValues.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalValues columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /** LogicalValues rows. */
            rows: loch.v1.ExprRow.$Properties[];

            /**
             * Creates a new LogicalValues instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalValues instance
             */
            static create(properties: loch.v1.LogicalValues.$Shape): loch.v1.LogicalValues & loch.v1.LogicalValues.$Shape;
            static create(properties?: loch.v1.LogicalValues.$Properties): loch.v1.LogicalValues;

            /**
             * Encodes the specified LogicalValues message. Does not implicitly {@link loch.v1.LogicalValues.verify|verify} messages.
             * @param message LogicalValues message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalValues.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalValues message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalValues & loch.v1.LogicalValues.$Shape} LogicalValues
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalValues & loch.v1.LogicalValues.$Shape;

            /**
             * Creates a LogicalValues message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalValues
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalValues;

            /**
             * Creates a plain object from a LogicalValues message. Also converts values to other types if specified.
             * @param message LogicalValues
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalValues, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalValues to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalValues {

            /** Properties of a LogicalValues. */
            interface $Properties {

                /** LogicalValues columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** LogicalValues rows */
                rows?: (loch.v1.ExprRow.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalValues. */
            type $Shape = {
              columns?: loch.v1.PlanColumn.$Shape[]|null;
              rows?: loch.v1.ExprRow.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalFilter.
         * @deprecated Use loch.v1.LogicalFilter.$Properties instead.
         */
        interface ILogicalFilter extends loch.v1.LogicalFilter.$Properties {
        }

        /** Represents a LogicalFilter. */
        class LogicalFilter {

            /**
             * Constructs a new LogicalFilter.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalFilter.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalFilter input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalFilter predicate. */
            predicate?: (loch.v1.Expr.$Properties|null);

            /**
             * Creates a new LogicalFilter instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalFilter instance
             */
            static create(properties: loch.v1.LogicalFilter.$Shape): loch.v1.LogicalFilter & loch.v1.LogicalFilter.$Shape;
            static create(properties?: loch.v1.LogicalFilter.$Properties): loch.v1.LogicalFilter;

            /**
             * Encodes the specified LogicalFilter message. Does not implicitly {@link loch.v1.LogicalFilter.verify|verify} messages.
             * @param message LogicalFilter message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalFilter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalFilter message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalFilter & loch.v1.LogicalFilter.$Shape} LogicalFilter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalFilter & loch.v1.LogicalFilter.$Shape;

            /**
             * Creates a LogicalFilter message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalFilter
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalFilter;

            /**
             * Creates a plain object from a LogicalFilter message. Also converts values to other types if specified.
             * @param message LogicalFilter
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalFilter, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalFilter to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalFilter {

            /** Properties of a LogicalFilter. */
            interface $Properties {

                /** LogicalFilter input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalFilter predicate */
                predicate?: (loch.v1.Expr.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalFilter. */
            type $Shape = {
              input?: loch.v1.LogicalPlan.$Shape|null;
              predicate?: loch.v1.Expr.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalProject.
         * @deprecated Use loch.v1.LogicalProject.$Properties instead.
         */
        interface ILogicalProject extends loch.v1.LogicalProject.$Properties {
        }

        /** Represents a LogicalProject. */
        class LogicalProject {

            /**
             * Constructs a new LogicalProject.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalProject.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalProject input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalProject exprs. */
            exprs: loch.v1.Expr.$Properties[];

            /** LogicalProject columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /**
             * Creates a new LogicalProject instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalProject instance
             */
            static create(properties: loch.v1.LogicalProject.$Shape): loch.v1.LogicalProject & loch.v1.LogicalProject.$Shape;
            static create(properties?: loch.v1.LogicalProject.$Properties): loch.v1.LogicalProject;

            /**
             * Encodes the specified LogicalProject message. Does not implicitly {@link loch.v1.LogicalProject.verify|verify} messages.
             * @param message LogicalProject message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalProject.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalProject message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalProject & loch.v1.LogicalProject.$Shape} LogicalProject
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalProject & loch.v1.LogicalProject.$Shape;

            /**
             * Creates a LogicalProject message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalProject
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalProject;

            /**
             * Creates a plain object from a LogicalProject message. Also converts values to other types if specified.
             * @param message LogicalProject
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalProject, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalProject to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalProject {

            /** Properties of a LogicalProject. */
            interface $Properties {

                /** LogicalProject input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalProject exprs */
                exprs?: (loch.v1.Expr.$Properties[]|null);

                /** LogicalProject columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalProject. */
            type $Shape = {
              input?: loch.v1.LogicalPlan.$Shape|null;
              exprs?: loch.v1.Expr.$Shape[]|null;
              columns?: loch.v1.PlanColumn.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalAggregate.
         * @deprecated Use loch.v1.LogicalAggregate.$Properties instead.
         */
        interface ILogicalAggregate extends loch.v1.LogicalAggregate.$Properties {
        }

        /** Represents a LogicalAggregate. */
        class LogicalAggregate {

            /**
             * Constructs a new LogicalAggregate.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalAggregate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalAggregate input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalAggregate groupBy. */
            groupBy: loch.v1.Expr.$Properties[];

            /** LogicalAggregate aggregates. */
            aggregates: loch.v1.AggregateCall.$Properties[];

            /** LogicalAggregate columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /**
             * Creates a new LogicalAggregate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalAggregate instance
             */
            static create(properties: loch.v1.LogicalAggregate.$Shape): loch.v1.LogicalAggregate & loch.v1.LogicalAggregate.$Shape;
            static create(properties?: loch.v1.LogicalAggregate.$Properties): loch.v1.LogicalAggregate;

            /**
             * Encodes the specified LogicalAggregate message. Does not implicitly {@link loch.v1.LogicalAggregate.verify|verify} messages.
             * @param message LogicalAggregate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalAggregate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalAggregate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalAggregate & loch.v1.LogicalAggregate.$Shape} LogicalAggregate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalAggregate & loch.v1.LogicalAggregate.$Shape;

            /**
             * Creates a LogicalAggregate message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalAggregate
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalAggregate;

            /**
             * Creates a plain object from a LogicalAggregate message. Also converts values to other types if specified.
             * @param message LogicalAggregate
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalAggregate, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalAggregate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalAggregate {

            /** Properties of a LogicalAggregate. */
            interface $Properties {

                /** LogicalAggregate input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalAggregate groupBy */
                groupBy?: (loch.v1.Expr.$Properties[]|null);

                /** LogicalAggregate aggregates */
                aggregates?: (loch.v1.AggregateCall.$Properties[]|null);

                /** LogicalAggregate columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalAggregate. */
            type $Shape = {
              input?: loch.v1.LogicalPlan.$Shape|null;
              groupBy?: loch.v1.Expr.$Shape[]|null;
              aggregates?: loch.v1.AggregateCall.$Shape[]|null;
              columns?: loch.v1.PlanColumn.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalJoin.
         * @deprecated Use loch.v1.LogicalJoin.$Properties instead.
         */
        interface ILogicalJoin extends loch.v1.LogicalJoin.$Properties {
        }

        /** Represents a LogicalJoin. */
        class LogicalJoin {

            /**
             * Constructs a new LogicalJoin.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalJoin.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalJoin joinType. */
            joinType: loch.v1.JoinType;

            /** LogicalJoin left. */
            left?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalJoin right. */
            right?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalJoin condition. */
            condition?: (loch.v1.Expr.$Properties|null);

            /** LogicalJoin markColumn. */
            markColumn?: (loch.v1.PlanColumn.$Properties|null);

            /**
             * Creates a new LogicalJoin instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalJoin instance
             */
            static create(properties: loch.v1.LogicalJoin.$Shape): loch.v1.LogicalJoin & loch.v1.LogicalJoin.$Shape;
            static create(properties?: loch.v1.LogicalJoin.$Properties): loch.v1.LogicalJoin;

            /**
             * Encodes the specified LogicalJoin message. Does not implicitly {@link loch.v1.LogicalJoin.verify|verify} messages.
             * @param message LogicalJoin message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalJoin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalJoin message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalJoin & loch.v1.LogicalJoin.$Shape} LogicalJoin
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalJoin & loch.v1.LogicalJoin.$Shape;

            /**
             * Creates a LogicalJoin message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalJoin
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalJoin;

            /**
             * Creates a plain object from a LogicalJoin message. Also converts values to other types if specified.
             * @param message LogicalJoin
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalJoin, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalJoin to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalJoin {

            /** Properties of a LogicalJoin. */
            interface $Properties {

                /** LogicalJoin joinType */
                joinType?: (loch.v1.JoinType|null);

                /** LogicalJoin left */
                left?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalJoin right */
                right?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalJoin condition */
                condition?: (loch.v1.Expr.$Properties|null);

                /** LogicalJoin markColumn */
                markColumn?: (loch.v1.PlanColumn.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalJoin. */
            type $Shape = {
              joinType?: loch.v1.JoinType|null;
              left?: loch.v1.LogicalPlan.$Shape|null;
              right?: loch.v1.LogicalPlan.$Shape|null;
              condition?: loch.v1.Expr.$Shape|null;
              markColumn?: loch.v1.PlanColumn.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalSort.
         * @deprecated Use loch.v1.LogicalSort.$Properties instead.
         */
        interface ILogicalSort extends loch.v1.LogicalSort.$Properties {
        }

        /** Represents a LogicalSort. */
        class LogicalSort {

            /**
             * Constructs a new LogicalSort.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalSort.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalSort input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalSort keys. */
            keys: loch.v1.SortKey.$Properties[];

            /** LogicalSort fetch. */
            fetch?: (number|null);

            /**
             * Creates a new LogicalSort instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalSort instance
             */
            static create(properties: loch.v1.LogicalSort.$Shape): loch.v1.LogicalSort & loch.v1.LogicalSort.$Shape;
            static create(properties?: loch.v1.LogicalSort.$Properties): loch.v1.LogicalSort;

            /**
             * Encodes the specified LogicalSort message. Does not implicitly {@link loch.v1.LogicalSort.verify|verify} messages.
             * @param message LogicalSort message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalSort.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalSort message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalSort & loch.v1.LogicalSort.$Shape} LogicalSort
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalSort & loch.v1.LogicalSort.$Shape;

            /**
             * Creates a LogicalSort message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalSort
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalSort;

            /**
             * Creates a plain object from a LogicalSort message. Also converts values to other types if specified.
             * @param message LogicalSort
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalSort, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalSort to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalSort {

            /** Properties of a LogicalSort. */
            interface $Properties {

                /** LogicalSort input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalSort keys */
                keys?: (loch.v1.SortKey.$Properties[]|null);

                /** LogicalSort fetch */
                fetch?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalSort. */
            type $Shape = {
              input?: loch.v1.LogicalPlan.$Shape|null;
              keys?: loch.v1.SortKey.$Shape[]|null;
              fetch?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalLimit.
         * @deprecated Use loch.v1.LogicalLimit.$Properties instead.
         */
        interface ILogicalLimit extends loch.v1.LogicalLimit.$Properties {
        }

        /** Represents a LogicalLimit. */
        class LogicalLimit {

            /**
             * Constructs a new LogicalLimit.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalLimit.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalLimit input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalLimit limit. */
            limit?: (number|null);

            /** LogicalLimit offset. */
            offset: number;

            /**
             * Creates a new LogicalLimit instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalLimit instance
             */
            static create(properties: loch.v1.LogicalLimit.$Shape): loch.v1.LogicalLimit & loch.v1.LogicalLimit.$Shape;
            static create(properties?: loch.v1.LogicalLimit.$Properties): loch.v1.LogicalLimit;

            /**
             * Encodes the specified LogicalLimit message. Does not implicitly {@link loch.v1.LogicalLimit.verify|verify} messages.
             * @param message LogicalLimit message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalLimit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalLimit message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalLimit & loch.v1.LogicalLimit.$Shape} LogicalLimit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalLimit & loch.v1.LogicalLimit.$Shape;

            /**
             * Creates a LogicalLimit message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalLimit
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalLimit;

            /**
             * Creates a plain object from a LogicalLimit message. Also converts values to other types if specified.
             * @param message LogicalLimit
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalLimit, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalLimit to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalLimit {

            /** Properties of a LogicalLimit. */
            interface $Properties {

                /** LogicalLimit input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalLimit limit */
                limit?: (number|null);

                /** LogicalLimit offset */
                offset?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalLimit. */
            type $Shape = {
              input?: loch.v1.LogicalPlan.$Shape|null;
              limit?: number|null;
              offset?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /** SetOperator enum. */
        enum SetOperator {

            /** SET_OPERATOR_UNSPECIFIED value */
            SET_OPERATOR_UNSPECIFIED = 0,

            /** UNION value */
            UNION = 1,

            /** INTERSECT value */
            INTERSECT = 2,

            /** EXCEPT value */
            EXCEPT = 3
        }

        /**
         * Properties of a LogicalSetOperation.
         * @deprecated Use loch.v1.LogicalSetOperation.$Properties instead.
         */
        interface ILogicalSetOperation extends loch.v1.LogicalSetOperation.$Properties {
        }

        /** Represents a LogicalSetOperation. */
        class LogicalSetOperation {

            /**
             * Constructs a new LogicalSetOperation.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalSetOperation.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalSetOperation op. */
            op: loch.v1.SetOperator;

            /** LogicalSetOperation all. */
            all: boolean;

            /** LogicalSetOperation left. */
            left?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalSetOperation right. */
            right?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalSetOperation columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /**
             * Creates a new LogicalSetOperation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalSetOperation instance
             */
            static create(properties: loch.v1.LogicalSetOperation.$Shape): loch.v1.LogicalSetOperation & loch.v1.LogicalSetOperation.$Shape;
            static create(properties?: loch.v1.LogicalSetOperation.$Properties): loch.v1.LogicalSetOperation;

            /**
             * Encodes the specified LogicalSetOperation message. Does not implicitly {@link loch.v1.LogicalSetOperation.verify|verify} messages.
             * @param message LogicalSetOperation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalSetOperation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalSetOperation message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalSetOperation & loch.v1.LogicalSetOperation.$Shape} LogicalSetOperation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalSetOperation & loch.v1.LogicalSetOperation.$Shape;

            /**
             * Creates a LogicalSetOperation message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalSetOperation
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalSetOperation;

            /**
             * Creates a plain object from a LogicalSetOperation message. Also converts values to other types if specified.
             * @param message LogicalSetOperation
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalSetOperation, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalSetOperation to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalSetOperation {

            /** Properties of a LogicalSetOperation. */
            interface $Properties {

                /** LogicalSetOperation op */
                op?: (loch.v1.SetOperator|null);

                /** LogicalSetOperation all */
                all?: (boolean|null);

                /** LogicalSetOperation left */
                left?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalSetOperation right */
                right?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalSetOperation columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalSetOperation. */
            type $Shape = {
              op?: loch.v1.SetOperator|null;
              all?: boolean|null;
              left?: loch.v1.LogicalPlan.$Shape|null;
              right?: loch.v1.LogicalPlan.$Shape|null;
              columns?: loch.v1.PlanColumn.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalDistinct.
         * @deprecated Use loch.v1.LogicalDistinct.$Properties instead.
         */
        interface ILogicalDistinct extends loch.v1.LogicalDistinct.$Properties {
        }

        /** Represents a LogicalDistinct. */
        class LogicalDistinct {

            /**
             * Constructs a new LogicalDistinct.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalDistinct.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalDistinct input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /**
             * Creates a new LogicalDistinct instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalDistinct instance
             */
            static create(properties: loch.v1.LogicalDistinct.$Shape): loch.v1.LogicalDistinct & loch.v1.LogicalDistinct.$Shape;
            static create(properties?: loch.v1.LogicalDistinct.$Properties): loch.v1.LogicalDistinct;

            /**
             * Encodes the specified LogicalDistinct message. Does not implicitly {@link loch.v1.LogicalDistinct.verify|verify} messages.
             * @param message LogicalDistinct message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalDistinct.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalDistinct message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalDistinct & loch.v1.LogicalDistinct.$Shape} LogicalDistinct
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalDistinct & loch.v1.LogicalDistinct.$Shape;

            /**
             * Creates a LogicalDistinct message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalDistinct
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalDistinct;

            /**
             * Creates a plain object from a LogicalDistinct message. Also converts values to other types if specified.
             * @param message LogicalDistinct
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalDistinct, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalDistinct to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalDistinct {

            /** Properties of a LogicalDistinct. */
            interface $Properties {

                /** LogicalDistinct input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalDistinct. */
            type $Shape = {
              input?: loch.v1.LogicalPlan.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalCteRef.
         * @deprecated Use loch.v1.LogicalCteRef.$Properties instead.
         */
        interface ILogicalCteRef extends loch.v1.LogicalCteRef.$Properties {
        }

        /** Represents a LogicalCteRef. */
        class LogicalCteRef {

            /**
             * Constructs a new LogicalCteRef.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalCteRef.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalCteRef cteId. */
            cteId: number;

            /** LogicalCteRef name. */
            name: string;

            /** LogicalCteRef columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /**
             * Creates a new LogicalCteRef instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalCteRef instance
             */
            static create(properties: loch.v1.LogicalCteRef.$Shape): loch.v1.LogicalCteRef & loch.v1.LogicalCteRef.$Shape;
            static create(properties?: loch.v1.LogicalCteRef.$Properties): loch.v1.LogicalCteRef;

            /**
             * Encodes the specified LogicalCteRef message. Does not implicitly {@link loch.v1.LogicalCteRef.verify|verify} messages.
             * @param message LogicalCteRef message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalCteRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalCteRef message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalCteRef & loch.v1.LogicalCteRef.$Shape} LogicalCteRef
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalCteRef & loch.v1.LogicalCteRef.$Shape;

            /**
             * Creates a LogicalCteRef message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalCteRef
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalCteRef;

            /**
             * Creates a plain object from a LogicalCteRef message. Also converts values to other types if specified.
             * @param message LogicalCteRef
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalCteRef, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalCteRef to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalCteRef {

            /** Properties of a LogicalCteRef. */
            interface $Properties {

                /** LogicalCteRef cteId */
                cteId?: (number|null);

                /** LogicalCteRef name */
                name?: (string|null);

                /** LogicalCteRef columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalCteRef. */
            type $Shape = loch.v1.LogicalCteRef.$Properties;
        }

        /**
         * Properties of a LogicalCteAnchor.
         * @deprecated Use loch.v1.LogicalCteAnchor.$Properties instead.
         */
        interface ILogicalCteAnchor extends loch.v1.LogicalCteAnchor.$Properties {
        }

        /** Represents a LogicalCteAnchor. */
        class LogicalCteAnchor {

            /**
             * Constructs a new LogicalCteAnchor.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalCteAnchor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalCteAnchor cteId. */
            cteId: number;

            /** LogicalCteAnchor name. */
            name: string;

            /** LogicalCteAnchor definition. */
            definition?: (loch.v1.LogicalPlan.$Properties|null);

            /** LogicalCteAnchor input. */
            input?: (loch.v1.LogicalPlan.$Properties|null);

            /**
             * Creates a new LogicalCteAnchor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalCteAnchor instance
             */
            static create(properties: loch.v1.LogicalCteAnchor.$Shape): loch.v1.LogicalCteAnchor & loch.v1.LogicalCteAnchor.$Shape;
            static create(properties?: loch.v1.LogicalCteAnchor.$Properties): loch.v1.LogicalCteAnchor;

            /**
             * Encodes the specified LogicalCteAnchor message. Does not implicitly {@link loch.v1.LogicalCteAnchor.verify|verify} messages.
             * @param message LogicalCteAnchor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalCteAnchor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalCteAnchor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalCteAnchor & loch.v1.LogicalCteAnchor.$Shape} LogicalCteAnchor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalCteAnchor & loch.v1.LogicalCteAnchor.$Shape;

            /**
             * Creates a LogicalCteAnchor message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalCteAnchor
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalCteAnchor;

            /**
             * Creates a plain object from a LogicalCteAnchor message. Also converts values to other types if specified.
             * @param message LogicalCteAnchor
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalCteAnchor, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalCteAnchor to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalCteAnchor {

            /** Properties of a LogicalCteAnchor. */
            interface $Properties {

                /** LogicalCteAnchor cteId */
                cteId?: (number|null);

                /** LogicalCteAnchor name */
                name?: (string|null);

                /** LogicalCteAnchor definition */
                definition?: (loch.v1.LogicalPlan.$Properties|null);

                /** LogicalCteAnchor input */
                input?: (loch.v1.LogicalPlan.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalCteAnchor. */
            type $Shape = {
              cteId?: number|null;
              name?: string|null;
              definition?: loch.v1.LogicalPlan.$Shape|null;
              input?: loch.v1.LogicalPlan.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LogicalSingleRow.
         * @deprecated Use loch.v1.LogicalSingleRow.$Properties instead.
         */
        interface ILogicalSingleRow extends loch.v1.LogicalSingleRow.$Properties {
        }

        /** Represents a LogicalSingleRow. */
        class LogicalSingleRow {

            /**
             * Constructs a new LogicalSingleRow.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalSingleRow.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new LogicalSingleRow instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalSingleRow instance
             */
            static create(properties: loch.v1.LogicalSingleRow.$Shape): loch.v1.LogicalSingleRow & loch.v1.LogicalSingleRow.$Shape;
            static create(properties?: loch.v1.LogicalSingleRow.$Properties): loch.v1.LogicalSingleRow;

            /**
             * Encodes the specified LogicalSingleRow message. Does not implicitly {@link loch.v1.LogicalSingleRow.verify|verify} messages.
             * @param message LogicalSingleRow message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalSingleRow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalSingleRow message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalSingleRow & loch.v1.LogicalSingleRow.$Shape} LogicalSingleRow
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalSingleRow & loch.v1.LogicalSingleRow.$Shape;

            /**
             * Creates a LogicalSingleRow message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalSingleRow
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalSingleRow;

            /**
             * Creates a plain object from a LogicalSingleRow message. Also converts values to other types if specified.
             * @param message LogicalSingleRow
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalSingleRow, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalSingleRow to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalSingleRow {

            /** Properties of a LogicalSingleRow. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalSingleRow. */
            type $Shape = loch.v1.LogicalSingleRow.$Properties;
        }

        /**
         * Properties of a LogicalEmpty.
         * @deprecated Use loch.v1.LogicalEmpty.$Properties instead.
         */
        interface ILogicalEmpty extends loch.v1.LogicalEmpty.$Properties {
        }

        /** Represents a LogicalEmpty. */
        class LogicalEmpty {

            /**
             * Constructs a new LogicalEmpty.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LogicalEmpty.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LogicalEmpty columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /**
             * Creates a new LogicalEmpty instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LogicalEmpty instance
             */
            static create(properties: loch.v1.LogicalEmpty.$Shape): loch.v1.LogicalEmpty & loch.v1.LogicalEmpty.$Shape;
            static create(properties?: loch.v1.LogicalEmpty.$Properties): loch.v1.LogicalEmpty;

            /**
             * Encodes the specified LogicalEmpty message. Does not implicitly {@link loch.v1.LogicalEmpty.verify|verify} messages.
             * @param message LogicalEmpty message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LogicalEmpty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LogicalEmpty message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LogicalEmpty & loch.v1.LogicalEmpty.$Shape} LogicalEmpty
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LogicalEmpty & loch.v1.LogicalEmpty.$Shape;

            /**
             * Creates a LogicalEmpty message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LogicalEmpty
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LogicalEmpty;

            /**
             * Creates a plain object from a LogicalEmpty message. Also converts values to other types if specified.
             * @param message LogicalEmpty
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LogicalEmpty, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LogicalEmpty to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LogicalEmpty {

            /** Properties of a LogicalEmpty. */
            interface $Properties {

                /** LogicalEmpty columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LogicalEmpty. */
            type $Shape = loch.v1.LogicalEmpty.$Properties;
        }

        /**
         * Properties of a PhysicalPlan.
         * @deprecated Use loch.v1.PhysicalPlan.$Properties instead.
         */
        interface IPhysicalPlan extends loch.v1.PhysicalPlan.$Properties {
        }

        /** Represents a PhysicalPlan. */
        class PhysicalPlan {

            /**
             * Constructs a new PhysicalPlan.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.PhysicalPlan.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PhysicalPlan nodeId. */
            nodeId: number;

            /** PhysicalPlan columns. */
            columns: loch.v1.PlanColumn.$Properties[];

            /** PhysicalPlan rowEstimate. */
            rowEstimate?: (number|null);

            /** PhysicalPlan scan. */
            scan?: (loch.v1.ScanExec.$Properties|null);

            /** PhysicalPlan values. */
            values?: (loch.v1.ValuesExec.$Properties|null);

            /** PhysicalPlan filter. */
            filter?: (loch.v1.FilterExec.$Properties|null);

            /** PhysicalPlan project. */
            project?: (loch.v1.ProjectExec.$Properties|null);

            /** PhysicalPlan hashAggregate. */
            hashAggregate?: (loch.v1.HashAggregateExec.$Properties|null);

            /** PhysicalPlan hashJoin. */
            hashJoin?: (loch.v1.HashJoinExec.$Properties|null);

            /** PhysicalPlan nestedLoopJoin. */
            nestedLoopJoin?: (loch.v1.NestedLoopJoinExec.$Properties|null);

            /** PhysicalPlan sort. */
            sort?: (loch.v1.SortExec.$Properties|null);

            /** PhysicalPlan topK. */
            topK?: (loch.v1.TopKExec.$Properties|null);

            /** PhysicalPlan limit. */
            limit?: (loch.v1.LimitExec.$Properties|null);

            /** PhysicalPlan union. */
            union?: (loch.v1.UnionExec.$Properties|null);

            /** PhysicalPlan hashSetOp. */
            hashSetOp?: (loch.v1.HashSetOpExec.$Properties|null);

            /** PhysicalPlan cteAnchor. */
            cteAnchor?: (loch.v1.CteAnchorExec.$Properties|null);

            /** PhysicalPlan cteScan. */
            cteScan?: (loch.v1.CteScanExec.$Properties|null);

            /** PhysicalPlan singleRow. */
            singleRow?: (loch.v1.SingleRowExec.$Properties|null);

            /** PhysicalPlan empty. */
            empty?: (loch.v1.EmptyExec.$Properties|null);

            /** PhysicalPlan shuffleWrite. */
            shuffleWrite?: (loch.v1.ShuffleWriteExec.$Properties|null);

            /** PhysicalPlan shuffleRead. */
            shuffleRead?: (loch.v1.ShuffleReadExec.$Properties|null);

            /** PhysicalPlan unresolvedShuffle. */
            unresolvedShuffle?: (loch.v1.UnresolvedShuffleExec.$Properties|null);

            /** PhysicalPlan exchange. */
            exchange?: (loch.v1.ExchangeExec.$Properties|null);

            /** PhysicalPlan window. */
            window?: (loch.v1.WindowExec.$Properties|null);

            /** PhysicalPlan unnest. */
            unnest?: (loch.v1.UnnestExec.$Properties|null);

            /** PhysicalPlan node. */
            node?: ("scan"|"values"|"filter"|"project"|"hashAggregate"|"hashJoin"|"nestedLoopJoin"|"sort"|"topK"|"limit"|"union"|"hashSetOp"|"cteAnchor"|"cteScan"|"singleRow"|"empty"|"shuffleWrite"|"shuffleRead"|"unresolvedShuffle"|"exchange"|"window"|"unnest");

            /**
             * Creates a new PhysicalPlan instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PhysicalPlan instance
             */
            static create(properties: loch.v1.PhysicalPlan.$Shape): loch.v1.PhysicalPlan & loch.v1.PhysicalPlan.$Shape;
            static create(properties?: loch.v1.PhysicalPlan.$Properties): loch.v1.PhysicalPlan;

            /**
             * Encodes the specified PhysicalPlan message. Does not implicitly {@link loch.v1.PhysicalPlan.verify|verify} messages.
             * @param message PhysicalPlan message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.PhysicalPlan.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PhysicalPlan message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.PhysicalPlan & loch.v1.PhysicalPlan.$Shape} PhysicalPlan
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.PhysicalPlan & loch.v1.PhysicalPlan.$Shape;

            /**
             * Creates a PhysicalPlan message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PhysicalPlan
             */
            static fromObject(object: { [k: string]: any }): loch.v1.PhysicalPlan;

            /**
             * Creates a plain object from a PhysicalPlan message. Also converts values to other types if specified.
             * @param message PhysicalPlan
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.PhysicalPlan, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PhysicalPlan to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace PhysicalPlan {

            /** Properties of a PhysicalPlan. */
            interface $Properties {

                /** PhysicalPlan nodeId */
                nodeId?: (number|null);

                /** PhysicalPlan columns */
                columns?: (loch.v1.PlanColumn.$Properties[]|null);

                /** PhysicalPlan rowEstimate */
                rowEstimate?: (number|null);

                /** PhysicalPlan scan */
                scan?: (loch.v1.ScanExec.$Properties|null);

                /** PhysicalPlan values */
                values?: (loch.v1.ValuesExec.$Properties|null);

                /** PhysicalPlan filter */
                filter?: (loch.v1.FilterExec.$Properties|null);

                /** PhysicalPlan project */
                project?: (loch.v1.ProjectExec.$Properties|null);

                /** PhysicalPlan hashAggregate */
                hashAggregate?: (loch.v1.HashAggregateExec.$Properties|null);

                /** PhysicalPlan hashJoin */
                hashJoin?: (loch.v1.HashJoinExec.$Properties|null);

                /** PhysicalPlan nestedLoopJoin */
                nestedLoopJoin?: (loch.v1.NestedLoopJoinExec.$Properties|null);

                /** PhysicalPlan sort */
                sort?: (loch.v1.SortExec.$Properties|null);

                /** PhysicalPlan topK */
                topK?: (loch.v1.TopKExec.$Properties|null);

                /** PhysicalPlan limit */
                limit?: (loch.v1.LimitExec.$Properties|null);

                /** PhysicalPlan union */
                union?: (loch.v1.UnionExec.$Properties|null);

                /** PhysicalPlan hashSetOp */
                hashSetOp?: (loch.v1.HashSetOpExec.$Properties|null);

                /** PhysicalPlan cteAnchor */
                cteAnchor?: (loch.v1.CteAnchorExec.$Properties|null);

                /** PhysicalPlan cteScan */
                cteScan?: (loch.v1.CteScanExec.$Properties|null);

                /** PhysicalPlan singleRow */
                singleRow?: (loch.v1.SingleRowExec.$Properties|null);

                /** PhysicalPlan empty */
                empty?: (loch.v1.EmptyExec.$Properties|null);

                /** PhysicalPlan shuffleWrite */
                shuffleWrite?: (loch.v1.ShuffleWriteExec.$Properties|null);

                /** PhysicalPlan shuffleRead */
                shuffleRead?: (loch.v1.ShuffleReadExec.$Properties|null);

                /** PhysicalPlan unresolvedShuffle */
                unresolvedShuffle?: (loch.v1.UnresolvedShuffleExec.$Properties|null);

                /** PhysicalPlan exchange */
                exchange?: (loch.v1.ExchangeExec.$Properties|null);

                /** PhysicalPlan window */
                window?: (loch.v1.WindowExec.$Properties|null);

                /** PhysicalPlan unnest */
                unnest?: (loch.v1.UnnestExec.$Properties|null);

                /** PhysicalPlan node */
                node?: ("scan"|"values"|"filter"|"project"|"hashAggregate"|"hashJoin"|"nestedLoopJoin"|"sort"|"topK"|"limit"|"union"|"hashSetOp"|"cteAnchor"|"cteScan"|"singleRow"|"empty"|"shuffleWrite"|"shuffleRead"|"unresolvedShuffle"|"exchange"|"window"|"unnest");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a PhysicalPlan. */
            type $Shape = {
              nodeId?: number|null;
              columns?: loch.v1.PlanColumn.$Shape[]|null;
              rowEstimate?: number|null;
              scan?: loch.v1.ScanExec.$Shape|null;
              values?: loch.v1.ValuesExec.$Shape|null;
              filter?: loch.v1.FilterExec.$Shape|null;
              project?: loch.v1.ProjectExec.$Shape|null;
              hashAggregate?: loch.v1.HashAggregateExec.$Shape|null;
              hashJoin?: loch.v1.HashJoinExec.$Shape|null;
              nestedLoopJoin?: loch.v1.NestedLoopJoinExec.$Shape|null;
              sort?: loch.v1.SortExec.$Shape|null;
              topK?: loch.v1.TopKExec.$Shape|null;
              limit?: loch.v1.LimitExec.$Shape|null;
              union?: loch.v1.UnionExec.$Shape|null;
              hashSetOp?: loch.v1.HashSetOpExec.$Shape|null;
              cteAnchor?: loch.v1.CteAnchorExec.$Shape|null;
              cteScan?: loch.v1.CteScanExec.$Shape|null;
              singleRow?: loch.v1.SingleRowExec.$Shape|null;
              empty?: loch.v1.EmptyExec.$Shape|null;
              shuffleWrite?: loch.v1.ShuffleWriteExec.$Shape|null;
              shuffleRead?: loch.v1.ShuffleReadExec.$Shape|null;
              unresolvedShuffle?: loch.v1.UnresolvedShuffleExec.$Shape|null;
              exchange?: loch.v1.ExchangeExec.$Shape|null;
              window?: loch.v1.WindowExec.$Shape|null;
              unnest?: loch.v1.UnnestExec.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ node?: undefined; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "scan"; scan: loch.v1.ScanExec.$Shape; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "values"; scan?: null; values: loch.v1.ValuesExec.$Shape; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "filter"; scan?: null; values?: null; filter: loch.v1.FilterExec.$Shape; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "project"; scan?: null; values?: null; filter?: null; project: loch.v1.ProjectExec.$Shape; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "hashAggregate"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate: loch.v1.HashAggregateExec.$Shape; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "hashJoin"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin: loch.v1.HashJoinExec.$Shape; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "nestedLoopJoin"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin: loch.v1.NestedLoopJoinExec.$Shape; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "sort"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort: loch.v1.SortExec.$Shape; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "topK"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK: loch.v1.TopKExec.$Shape; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "limit"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit: loch.v1.LimitExec.$Shape; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "union"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union: loch.v1.UnionExec.$Shape; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "hashSetOp"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp: loch.v1.HashSetOpExec.$Shape; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "cteAnchor"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor: loch.v1.CteAnchorExec.$Shape; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "cteScan"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan: loch.v1.CteScanExec.$Shape; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "singleRow"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow: loch.v1.SingleRowExec.$Shape; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "empty"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty: loch.v1.EmptyExec.$Shape; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "shuffleWrite"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite: loch.v1.ShuffleWriteExec.$Shape; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "shuffleRead"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead: loch.v1.ShuffleReadExec.$Shape; unresolvedShuffle?: null; exchange?: null; window?: null; unnest?: null }|{ node?: "unresolvedShuffle"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle: loch.v1.UnresolvedShuffleExec.$Shape; exchange?: null; window?: null; unnest?: null }|{ node?: "exchange"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange: loch.v1.ExchangeExec.$Shape; window?: null; unnest?: null }|{ node?: "window"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window: loch.v1.WindowExec.$Shape; unnest?: null }|{ node?: "unnest"; scan?: null; values?: null; filter?: null; project?: null; hashAggregate?: null; hashJoin?: null; nestedLoopJoin?: null; sort?: null; topK?: null; limit?: null; union?: null; hashSetOp?: null; cteAnchor?: null; cteScan?: null; singleRow?: null; empty?: null; shuffleWrite?: null; shuffleRead?: null; unresolvedShuffle?: null; exchange?: null; window?: null; unnest: loch.v1.UnnestExec.$Shape })
            );
        }

        /**
         * Properties of a WindowExec.
         * @deprecated Use loch.v1.WindowExec.$Properties instead.
         */
        interface IWindowExec extends loch.v1.WindowExec.$Properties {
        }

        /** Represents a WindowExec. */
        class WindowExec {

            /**
             * Constructs a new WindowExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.WindowExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WindowExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** WindowExec partitionBy. */
            partitionBy: loch.v1.Expr.$Properties[];

            /** WindowExec orderBy. */
            orderBy: loch.v1.SortKey.$Properties[];

            /** WindowExec functions. */
            functions: loch.v1.WindowFunctionCall.$Properties[];

            /**
             * Creates a new WindowExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WindowExec instance
             */
            static create(properties: loch.v1.WindowExec.$Shape): loch.v1.WindowExec & loch.v1.WindowExec.$Shape;
            static create(properties?: loch.v1.WindowExec.$Properties): loch.v1.WindowExec;

            /**
             * Encodes the specified WindowExec message. Does not implicitly {@link loch.v1.WindowExec.verify|verify} messages.
             * @param message WindowExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.WindowExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WindowExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.WindowExec & loch.v1.WindowExec.$Shape} WindowExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.WindowExec & loch.v1.WindowExec.$Shape;

            /**
             * Creates a WindowExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WindowExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.WindowExec;

            /**
             * Creates a plain object from a WindowExec message. Also converts values to other types if specified.
             * @param message WindowExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.WindowExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WindowExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace WindowExec {

            /** Properties of a WindowExec. */
            interface $Properties {

                /** WindowExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** WindowExec partitionBy */
                partitionBy?: (loch.v1.Expr.$Properties[]|null);

                /** WindowExec orderBy */
                orderBy?: (loch.v1.SortKey.$Properties[]|null);

                /** WindowExec functions */
                functions?: (loch.v1.WindowFunctionCall.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WindowExec. */
            type $Shape = {
              input?: loch.v1.PhysicalPlan.$Shape|null;
              partitionBy?: loch.v1.Expr.$Shape[]|null;
              orderBy?: loch.v1.SortKey.$Shape[]|null;
              functions?: loch.v1.WindowFunctionCall.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of an UnnestExec.
         * @deprecated Use loch.v1.UnnestExec.$Properties instead.
         */
        interface IUnnestExec extends loch.v1.UnnestExec.$Properties {
        }

        /** Represents an UnnestExec. */
        class UnnestExec {

            /**
             * Constructs a new UnnestExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.UnnestExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** UnnestExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** UnnestExec arrays. */
            arrays: loch.v1.Expr.$Properties[];

            /** UnnestExec ordinality. */
            ordinality: boolean;

            /** UnnestExec outer. */
            outer: boolean;

            /**
             * Creates a new UnnestExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UnnestExec instance
             */
            static create(properties: loch.v1.UnnestExec.$Shape): loch.v1.UnnestExec & loch.v1.UnnestExec.$Shape;
            static create(properties?: loch.v1.UnnestExec.$Properties): loch.v1.UnnestExec;

            /**
             * Encodes the specified UnnestExec message. Does not implicitly {@link loch.v1.UnnestExec.verify|verify} messages.
             * @param message UnnestExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.UnnestExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UnnestExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.UnnestExec & loch.v1.UnnestExec.$Shape} UnnestExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.UnnestExec & loch.v1.UnnestExec.$Shape;

            /**
             * Creates an UnnestExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns UnnestExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.UnnestExec;

            /**
             * Creates a plain object from an UnnestExec message. Also converts values to other types if specified.
             * @param message UnnestExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.UnnestExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this UnnestExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace UnnestExec {

            /** Properties of an UnnestExec. */
            interface $Properties {

                /** UnnestExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** UnnestExec arrays */
                arrays?: (loch.v1.Expr.$Properties[]|null);

                /** UnnestExec ordinality */
                ordinality?: (boolean|null);

                /** UnnestExec outer */
                outer?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an UnnestExec. */
            type $Shape = {
              input?: loch.v1.PhysicalPlan.$Shape|null;
              arrays?: loch.v1.Expr.$Shape[]|null;
              ordinality?: boolean|null;
              outer?: boolean|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a DeletionVector.
         * @deprecated Use loch.v1.DeletionVector.$Properties instead.
         */
        interface IDeletionVector extends loch.v1.DeletionVector.$Properties {
        }

        /** Represents a DeletionVector. */
        class DeletionVector {

            /**
             * Constructs a new DeletionVector.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.DeletionVector.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeletionVector storageType. */
            storageType: string;

            /** DeletionVector pathOrInlineDv. */
            pathOrInlineDv: string;

            /** DeletionVector offset. */
            offset?: (number|null);

            /** DeletionVector sizeInBytes. */
            sizeInBytes: number;

            /** DeletionVector cardinality. */
            cardinality: number;

            /**
             * Creates a new DeletionVector instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeletionVector instance
             */
            static create(properties: loch.v1.DeletionVector.$Shape): loch.v1.DeletionVector & loch.v1.DeletionVector.$Shape;
            static create(properties?: loch.v1.DeletionVector.$Properties): loch.v1.DeletionVector;

            /**
             * Encodes the specified DeletionVector message. Does not implicitly {@link loch.v1.DeletionVector.verify|verify} messages.
             * @param message DeletionVector message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.DeletionVector.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeletionVector message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.DeletionVector & loch.v1.DeletionVector.$Shape} DeletionVector
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.DeletionVector & loch.v1.DeletionVector.$Shape;

            /**
             * Creates a DeletionVector message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeletionVector
             */
            static fromObject(object: { [k: string]: any }): loch.v1.DeletionVector;

            /**
             * Creates a plain object from a DeletionVector message. Also converts values to other types if specified.
             * @param message DeletionVector
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.DeletionVector, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeletionVector to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace DeletionVector {

            /** Properties of a DeletionVector. */
            interface $Properties {

                /** DeletionVector storageType */
                storageType?: (string|null);

                /** DeletionVector pathOrInlineDv */
                pathOrInlineDv?: (string|null);

                /** DeletionVector offset */
                offset?: (number|null);

                /** DeletionVector sizeInBytes */
                sizeInBytes?: (number|null);

                /** DeletionVector cardinality */
                cardinality?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeletionVector. */
            type $Shape = loch.v1.DeletionVector.$Properties;
        }

        /**
         * Properties of a ScanSplit.
         * @deprecated Use loch.v1.ScanSplit.$Properties instead.
         */
        interface IScanSplit extends loch.v1.ScanSplit.$Properties {
        }

        /** Represents a ScanSplit. */
        class ScanSplit {

            /**
             * Constructs a new ScanSplit.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ScanSplit.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ScanSplit path. */
            path: string;

            /** ScanSplit fileSizeBytes. */
            fileSizeBytes: number;

            /** ScanSplit rowGroups. */
            rowGroups: number[];

            /** ScanSplit offset. */
            offset: number;

            /** ScanSplit length. */
            length: number;

            /** ScanSplit rowCount. */
            rowCount?: (number|null);

            /** ScanSplit partitionValues. */
            partitionValues: { [k: string]: string };

            /** ScanSplit deletionVector. */
            deletionVector?: (loch.v1.DeletionVector.$Properties|null);

            /** ScanSplit sizeBytes. */
            sizeBytes: number;

            /**
             * Creates a new ScanSplit instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ScanSplit instance
             */
            static create(properties: loch.v1.ScanSplit.$Shape): loch.v1.ScanSplit & loch.v1.ScanSplit.$Shape;
            static create(properties?: loch.v1.ScanSplit.$Properties): loch.v1.ScanSplit;

            /**
             * Encodes the specified ScanSplit message. Does not implicitly {@link loch.v1.ScanSplit.verify|verify} messages.
             * @param message ScanSplit message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ScanSplit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ScanSplit message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ScanSplit & loch.v1.ScanSplit.$Shape} ScanSplit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ScanSplit & loch.v1.ScanSplit.$Shape;

            /**
             * Creates a ScanSplit message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ScanSplit
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ScanSplit;

            /**
             * Creates a plain object from a ScanSplit message. Also converts values to other types if specified.
             * @param message ScanSplit
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ScanSplit, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ScanSplit to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ScanSplit {

            /** Properties of a ScanSplit. */
            interface $Properties {

                /** ScanSplit path */
                path?: (string|null);

                /** ScanSplit fileSizeBytes */
                fileSizeBytes?: (number|null);

                /** ScanSplit rowGroups */
                rowGroups?: (number[]|null);

                /** ScanSplit offset */
                offset?: (number|null);

                /** ScanSplit length */
                length?: (number|null);

                /** ScanSplit rowCount */
                rowCount?: (number|null);

                /** ScanSplit partitionValues */
                partitionValues?: ({ [k: string]: string }|null);

                /** ScanSplit deletionVector */
                deletionVector?: (loch.v1.DeletionVector.$Properties|null);

                /** ScanSplit sizeBytes */
                sizeBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ScanSplit. */
            type $Shape = loch.v1.ScanSplit.$Properties;
        }

        /**
         * Properties of a ScanPartition.
         * @deprecated Use loch.v1.ScanPartition.$Properties instead.
         */
        interface IScanPartition extends loch.v1.ScanPartition.$Properties {
        }

        /** Represents a ScanPartition. */
        class ScanPartition {

            /**
             * Constructs a new ScanPartition.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ScanPartition.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ScanPartition splits. */
            splits: loch.v1.ScanSplit.$Properties[];

            /**
             * Creates a new ScanPartition instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ScanPartition instance
             */
            static create(properties: loch.v1.ScanPartition.$Shape): loch.v1.ScanPartition & loch.v1.ScanPartition.$Shape;
            static create(properties?: loch.v1.ScanPartition.$Properties): loch.v1.ScanPartition;

            /**
             * Encodes the specified ScanPartition message. Does not implicitly {@link loch.v1.ScanPartition.verify|verify} messages.
             * @param message ScanPartition message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ScanPartition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ScanPartition message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ScanPartition & loch.v1.ScanPartition.$Shape} ScanPartition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ScanPartition & loch.v1.ScanPartition.$Shape;

            /**
             * Creates a ScanPartition message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ScanPartition
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ScanPartition;

            /**
             * Creates a plain object from a ScanPartition message. Also converts values to other types if specified.
             * @param message ScanPartition
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ScanPartition, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ScanPartition to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ScanPartition {

            /** Properties of a ScanPartition. */
            interface $Properties {

                /** ScanPartition splits */
                splits?: (loch.v1.ScanSplit.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ScanPartition. */
            type $Shape = loch.v1.ScanPartition.$Properties;
        }

        /**
         * Properties of a ScanExec.
         * @deprecated Use loch.v1.ScanExec.$Properties instead.
         */
        interface IScanExec extends loch.v1.ScanExec.$Properties {
        }

        /** Represents a ScanExec. */
        class ScanExec {

            /**
             * Constructs a new ScanExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ScanExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ScanExec tableName. */
            tableName: string;

            /** ScanExec source. */
            source?: (loch.v1.TableSource.$Properties|null);

            /** ScanExec sourceColumns. */
            sourceColumns: number[];

            /** ScanExec predicates. */
            predicates: loch.v1.ScanPredicate.$Properties[];

            /** ScanExec partitions. */
            partitions: loch.v1.ScanPartition.$Properties[];

            /** ScanExec limit. */
            limit?: (number|null);

            /**
             * Creates a new ScanExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ScanExec instance
             */
            static create(properties: loch.v1.ScanExec.$Shape): loch.v1.ScanExec & loch.v1.ScanExec.$Shape;
            static create(properties?: loch.v1.ScanExec.$Properties): loch.v1.ScanExec;

            /**
             * Encodes the specified ScanExec message. Does not implicitly {@link loch.v1.ScanExec.verify|verify} messages.
             * @param message ScanExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ScanExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ScanExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ScanExec & loch.v1.ScanExec.$Shape} ScanExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ScanExec & loch.v1.ScanExec.$Shape;

            /**
             * Creates a ScanExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ScanExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ScanExec;

            /**
             * Creates a plain object from a ScanExec message. Also converts values to other types if specified.
             * @param message ScanExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ScanExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ScanExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ScanExec {

            /** Properties of a ScanExec. */
            interface $Properties {

                /** ScanExec tableName */
                tableName?: (string|null);

                /** ScanExec source */
                source?: (loch.v1.TableSource.$Properties|null);

                /** ScanExec sourceColumns */
                sourceColumns?: (number[]|null);

                /** ScanExec predicates */
                predicates?: (loch.v1.ScanPredicate.$Properties[]|null);

                /** ScanExec partitions */
                partitions?: (loch.v1.ScanPartition.$Properties[]|null);

                /** ScanExec limit */
                limit?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ScanExec. */
            type $Shape = {
              tableName?: string|null;
              source?: loch.v1.TableSource.$Shape|null;
              sourceColumns?: number[]|null;
              predicates?: loch.v1.ScanPredicate.$Shape[]|null;
              partitions?: loch.v1.ScanPartition.$Shape[]|null;
              limit?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a ValuesExec.
         * @deprecated Use loch.v1.ValuesExec.$Properties instead.
         */
        interface IValuesExec extends loch.v1.ValuesExec.$Properties {
        }

        /** Represents a ValuesExec. */
        class ValuesExec {

            /**
             * Constructs a new ValuesExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ValuesExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ValuesExec rows. */
            rows: loch.v1.ExprRow.$Properties[];

            /**
             * Creates a new ValuesExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ValuesExec instance
             */
            static create(properties: loch.v1.ValuesExec.$Shape): loch.v1.ValuesExec & loch.v1.ValuesExec.$Shape;
            static create(properties?: loch.v1.ValuesExec.$Properties): loch.v1.ValuesExec;

            /**
             * Encodes the specified ValuesExec message. Does not implicitly {@link loch.v1.ValuesExec.verify|verify} messages.
             * @param message ValuesExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ValuesExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ValuesExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ValuesExec & loch.v1.ValuesExec.$Shape} ValuesExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ValuesExec & loch.v1.ValuesExec.$Shape;

            /**
             * Creates a ValuesExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ValuesExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ValuesExec;

            /**
             * Creates a plain object from a ValuesExec message. Also converts values to other types if specified.
             * @param message ValuesExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ValuesExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ValuesExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ValuesExec {

            /** Properties of a ValuesExec. */
            interface $Properties {

                /** ValuesExec rows */
                rows?: (loch.v1.ExprRow.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ValuesExec. */
            type $Shape = {
              rows?: loch.v1.ExprRow.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a FilterExec.
         * @deprecated Use loch.v1.FilterExec.$Properties instead.
         */
        interface IFilterExec extends loch.v1.FilterExec.$Properties {
        }

        /** Represents a FilterExec. */
        class FilterExec {

            /**
             * Constructs a new FilterExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.FilterExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FilterExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** FilterExec predicate. */
            predicate?: (loch.v1.Expr.$Properties|null);

            /**
             * Creates a new FilterExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FilterExec instance
             */
            static create(properties: loch.v1.FilterExec.$Shape): loch.v1.FilterExec & loch.v1.FilterExec.$Shape;
            static create(properties?: loch.v1.FilterExec.$Properties): loch.v1.FilterExec;

            /**
             * Encodes the specified FilterExec message. Does not implicitly {@link loch.v1.FilterExec.verify|verify} messages.
             * @param message FilterExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.FilterExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FilterExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.FilterExec & loch.v1.FilterExec.$Shape} FilterExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.FilterExec & loch.v1.FilterExec.$Shape;

            /**
             * Creates a FilterExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns FilterExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.FilterExec;

            /**
             * Creates a plain object from a FilterExec message. Also converts values to other types if specified.
             * @param message FilterExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.FilterExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this FilterExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace FilterExec {

            /** Properties of a FilterExec. */
            interface $Properties {

                /** FilterExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** FilterExec predicate */
                predicate?: (loch.v1.Expr.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FilterExec. */
            type $Shape = {
              input?: loch.v1.PhysicalPlan.$Shape|null;
              predicate?: loch.v1.Expr.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a ProjectExec.
         * @deprecated Use loch.v1.ProjectExec.$Properties instead.
         */
        interface IProjectExec extends loch.v1.ProjectExec.$Properties {
        }

        /** Represents a ProjectExec. */
        class ProjectExec {

            /**
             * Constructs a new ProjectExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ProjectExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ProjectExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** ProjectExec exprs. */
            exprs: loch.v1.Expr.$Properties[];

            /**
             * Creates a new ProjectExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ProjectExec instance
             */
            static create(properties: loch.v1.ProjectExec.$Shape): loch.v1.ProjectExec & loch.v1.ProjectExec.$Shape;
            static create(properties?: loch.v1.ProjectExec.$Properties): loch.v1.ProjectExec;

            /**
             * Encodes the specified ProjectExec message. Does not implicitly {@link loch.v1.ProjectExec.verify|verify} messages.
             * @param message ProjectExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ProjectExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ProjectExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ProjectExec & loch.v1.ProjectExec.$Shape} ProjectExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ProjectExec & loch.v1.ProjectExec.$Shape;

            /**
             * Creates a ProjectExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ProjectExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ProjectExec;

            /**
             * Creates a plain object from a ProjectExec message. Also converts values to other types if specified.
             * @param message ProjectExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ProjectExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ProjectExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ProjectExec {

            /** Properties of a ProjectExec. */
            interface $Properties {

                /** ProjectExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** ProjectExec exprs */
                exprs?: (loch.v1.Expr.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ProjectExec. */
            type $Shape = {
              input?: loch.v1.PhysicalPlan.$Shape|null;
              exprs?: loch.v1.Expr.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /** AggregateMode enum. */
        enum AggregateMode {

            /** AGGREGATE_MODE_UNSPECIFIED value */
            AGGREGATE_MODE_UNSPECIFIED = 0,

            /** SINGLE value */
            SINGLE = 1,

            /** PARTIAL value */
            PARTIAL = 2,

            /** FINAL value */
            FINAL = 3
        }

        /**
         * Properties of a HashAggregateExec.
         * @deprecated Use loch.v1.HashAggregateExec.$Properties instead.
         */
        interface IHashAggregateExec extends loch.v1.HashAggregateExec.$Properties {
        }

        /** Represents a HashAggregateExec. */
        class HashAggregateExec {

            /**
             * Constructs a new HashAggregateExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.HashAggregateExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HashAggregateExec mode. */
            mode: loch.v1.AggregateMode;

            /** HashAggregateExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** HashAggregateExec groupBy. */
            groupBy: loch.v1.Expr.$Properties[];

            /** HashAggregateExec aggregates. */
            aggregates: loch.v1.AggregateCall.$Properties[];

            /**
             * Creates a new HashAggregateExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HashAggregateExec instance
             */
            static create(properties: loch.v1.HashAggregateExec.$Shape): loch.v1.HashAggregateExec & loch.v1.HashAggregateExec.$Shape;
            static create(properties?: loch.v1.HashAggregateExec.$Properties): loch.v1.HashAggregateExec;

            /**
             * Encodes the specified HashAggregateExec message. Does not implicitly {@link loch.v1.HashAggregateExec.verify|verify} messages.
             * @param message HashAggregateExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.HashAggregateExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HashAggregateExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.HashAggregateExec & loch.v1.HashAggregateExec.$Shape} HashAggregateExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.HashAggregateExec & loch.v1.HashAggregateExec.$Shape;

            /**
             * Creates a HashAggregateExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HashAggregateExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.HashAggregateExec;

            /**
             * Creates a plain object from a HashAggregateExec message. Also converts values to other types if specified.
             * @param message HashAggregateExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.HashAggregateExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HashAggregateExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HashAggregateExec {

            /** Properties of a HashAggregateExec. */
            interface $Properties {

                /** HashAggregateExec mode */
                mode?: (loch.v1.AggregateMode|null);

                /** HashAggregateExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** HashAggregateExec groupBy */
                groupBy?: (loch.v1.Expr.$Properties[]|null);

                /** HashAggregateExec aggregates */
                aggregates?: (loch.v1.AggregateCall.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HashAggregateExec. */
            type $Shape = {
              mode?: loch.v1.AggregateMode|null;
              input?: loch.v1.PhysicalPlan.$Shape|null;
              groupBy?: loch.v1.Expr.$Shape[]|null;
              aggregates?: loch.v1.AggregateCall.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a HashJoinExec.
         * @deprecated Use loch.v1.HashJoinExec.$Properties instead.
         */
        interface IHashJoinExec extends loch.v1.HashJoinExec.$Properties {
        }

        /** Represents a HashJoinExec. */
        class HashJoinExec {

            /**
             * Constructs a new HashJoinExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.HashJoinExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HashJoinExec joinType. */
            joinType: loch.v1.JoinType;

            /** HashJoinExec left. */
            left?: (loch.v1.PhysicalPlan.$Properties|null);

            /** HashJoinExec right. */
            right?: (loch.v1.PhysicalPlan.$Properties|null);

            /** HashJoinExec leftKeys. */
            leftKeys: loch.v1.Expr.$Properties[];

            /** HashJoinExec rightKeys. */
            rightKeys: loch.v1.Expr.$Properties[];

            /** HashJoinExec residual. */
            residual?: (loch.v1.Expr.$Properties|null);

            /** HashJoinExec nullAware. */
            nullAware: boolean;

            /**
             * Creates a new HashJoinExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HashJoinExec instance
             */
            static create(properties: loch.v1.HashJoinExec.$Shape): loch.v1.HashJoinExec & loch.v1.HashJoinExec.$Shape;
            static create(properties?: loch.v1.HashJoinExec.$Properties): loch.v1.HashJoinExec;

            /**
             * Encodes the specified HashJoinExec message. Does not implicitly {@link loch.v1.HashJoinExec.verify|verify} messages.
             * @param message HashJoinExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.HashJoinExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HashJoinExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.HashJoinExec & loch.v1.HashJoinExec.$Shape} HashJoinExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.HashJoinExec & loch.v1.HashJoinExec.$Shape;

            /**
             * Creates a HashJoinExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HashJoinExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.HashJoinExec;

            /**
             * Creates a plain object from a HashJoinExec message. Also converts values to other types if specified.
             * @param message HashJoinExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.HashJoinExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HashJoinExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HashJoinExec {

            /** Properties of a HashJoinExec. */
            interface $Properties {

                /** HashJoinExec joinType */
                joinType?: (loch.v1.JoinType|null);

                /** HashJoinExec left */
                left?: (loch.v1.PhysicalPlan.$Properties|null);

                /** HashJoinExec right */
                right?: (loch.v1.PhysicalPlan.$Properties|null);

                /** HashJoinExec leftKeys */
                leftKeys?: (loch.v1.Expr.$Properties[]|null);

                /** HashJoinExec rightKeys */
                rightKeys?: (loch.v1.Expr.$Properties[]|null);

                /** HashJoinExec residual */
                residual?: (loch.v1.Expr.$Properties|null);

                /** HashJoinExec nullAware */
                nullAware?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HashJoinExec. */
            type $Shape = {
              joinType?: loch.v1.JoinType|null;
              left?: loch.v1.PhysicalPlan.$Shape|null;
              right?: loch.v1.PhysicalPlan.$Shape|null;
              leftKeys?: loch.v1.Expr.$Shape[]|null;
              rightKeys?: loch.v1.Expr.$Shape[]|null;
              residual?: loch.v1.Expr.$Shape|null;
              nullAware?: boolean|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a NestedLoopJoinExec.
         * @deprecated Use loch.v1.NestedLoopJoinExec.$Properties instead.
         */
        interface INestedLoopJoinExec extends loch.v1.NestedLoopJoinExec.$Properties {
        }

        /** Represents a NestedLoopJoinExec. */
        class NestedLoopJoinExec {

            /**
             * Constructs a new NestedLoopJoinExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.NestedLoopJoinExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NestedLoopJoinExec joinType. */
            joinType: loch.v1.JoinType;

            /** NestedLoopJoinExec left. */
            left?: (loch.v1.PhysicalPlan.$Properties|null);

            /** NestedLoopJoinExec right. */
            right?: (loch.v1.PhysicalPlan.$Properties|null);

            /** NestedLoopJoinExec condition. */
            condition?: (loch.v1.Expr.$Properties|null);

            /** NestedLoopJoinExec nullAwareCondition. */
            nullAwareCondition?: (loch.v1.Expr.$Properties|null);

            /**
             * Creates a new NestedLoopJoinExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NestedLoopJoinExec instance
             */
            static create(properties: loch.v1.NestedLoopJoinExec.$Shape): loch.v1.NestedLoopJoinExec & loch.v1.NestedLoopJoinExec.$Shape;
            static create(properties?: loch.v1.NestedLoopJoinExec.$Properties): loch.v1.NestedLoopJoinExec;

            /**
             * Encodes the specified NestedLoopJoinExec message. Does not implicitly {@link loch.v1.NestedLoopJoinExec.verify|verify} messages.
             * @param message NestedLoopJoinExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.NestedLoopJoinExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NestedLoopJoinExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.NestedLoopJoinExec & loch.v1.NestedLoopJoinExec.$Shape} NestedLoopJoinExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.NestedLoopJoinExec & loch.v1.NestedLoopJoinExec.$Shape;

            /**
             * Creates a NestedLoopJoinExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns NestedLoopJoinExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.NestedLoopJoinExec;

            /**
             * Creates a plain object from a NestedLoopJoinExec message. Also converts values to other types if specified.
             * @param message NestedLoopJoinExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.NestedLoopJoinExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this NestedLoopJoinExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace NestedLoopJoinExec {

            /** Properties of a NestedLoopJoinExec. */
            interface $Properties {

                /** NestedLoopJoinExec joinType */
                joinType?: (loch.v1.JoinType|null);

                /** NestedLoopJoinExec left */
                left?: (loch.v1.PhysicalPlan.$Properties|null);

                /** NestedLoopJoinExec right */
                right?: (loch.v1.PhysicalPlan.$Properties|null);

                /** NestedLoopJoinExec condition */
                condition?: (loch.v1.Expr.$Properties|null);

                /** NestedLoopJoinExec nullAwareCondition */
                nullAwareCondition?: (loch.v1.Expr.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NestedLoopJoinExec. */
            type $Shape = {
              joinType?: loch.v1.JoinType|null;
              left?: loch.v1.PhysicalPlan.$Shape|null;
              right?: loch.v1.PhysicalPlan.$Shape|null;
              condition?: loch.v1.Expr.$Shape|null;
              nullAwareCondition?: loch.v1.Expr.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a SortExec.
         * @deprecated Use loch.v1.SortExec.$Properties instead.
         */
        interface ISortExec extends loch.v1.SortExec.$Properties {
        }

        /** Represents a SortExec. */
        class SortExec {

            /**
             * Constructs a new SortExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.SortExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SortExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** SortExec keys. */
            keys: loch.v1.SortKey.$Properties[];

            /**
             * Creates a new SortExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SortExec instance
             */
            static create(properties: loch.v1.SortExec.$Shape): loch.v1.SortExec & loch.v1.SortExec.$Shape;
            static create(properties?: loch.v1.SortExec.$Properties): loch.v1.SortExec;

            /**
             * Encodes the specified SortExec message. Does not implicitly {@link loch.v1.SortExec.verify|verify} messages.
             * @param message SortExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.SortExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SortExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.SortExec & loch.v1.SortExec.$Shape} SortExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.SortExec & loch.v1.SortExec.$Shape;

            /**
             * Creates a SortExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SortExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.SortExec;

            /**
             * Creates a plain object from a SortExec message. Also converts values to other types if specified.
             * @param message SortExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.SortExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SortExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SortExec {

            /** Properties of a SortExec. */
            interface $Properties {

                /** SortExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** SortExec keys */
                keys?: (loch.v1.SortKey.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SortExec. */
            type $Shape = {
              input?: loch.v1.PhysicalPlan.$Shape|null;
              keys?: loch.v1.SortKey.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a TopKExec.
         * @deprecated Use loch.v1.TopKExec.$Properties instead.
         */
        interface ITopKExec extends loch.v1.TopKExec.$Properties {
        }

        /** Represents a TopKExec. */
        class TopKExec {

            /**
             * Constructs a new TopKExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TopKExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TopKExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** TopKExec keys. */
            keys: loch.v1.SortKey.$Properties[];

            /** TopKExec fetch. */
            fetch: number;

            /**
             * Creates a new TopKExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TopKExec instance
             */
            static create(properties: loch.v1.TopKExec.$Shape): loch.v1.TopKExec & loch.v1.TopKExec.$Shape;
            static create(properties?: loch.v1.TopKExec.$Properties): loch.v1.TopKExec;

            /**
             * Encodes the specified TopKExec message. Does not implicitly {@link loch.v1.TopKExec.verify|verify} messages.
             * @param message TopKExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TopKExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TopKExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TopKExec & loch.v1.TopKExec.$Shape} TopKExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TopKExec & loch.v1.TopKExec.$Shape;

            /**
             * Creates a TopKExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TopKExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TopKExec;

            /**
             * Creates a plain object from a TopKExec message. Also converts values to other types if specified.
             * @param message TopKExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TopKExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TopKExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TopKExec {

            /** Properties of a TopKExec. */
            interface $Properties {

                /** TopKExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** TopKExec keys */
                keys?: (loch.v1.SortKey.$Properties[]|null);

                /** TopKExec fetch */
                fetch?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TopKExec. */
            type $Shape = {
              input?: loch.v1.PhysicalPlan.$Shape|null;
              keys?: loch.v1.SortKey.$Shape[]|null;
              fetch?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LimitExec.
         * @deprecated Use loch.v1.LimitExec.$Properties instead.
         */
        interface ILimitExec extends loch.v1.LimitExec.$Properties {
        }

        /** Represents a LimitExec. */
        class LimitExec {

            /**
             * Constructs a new LimitExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LimitExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LimitExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** LimitExec limit. */
            limit?: (number|null);

            /** LimitExec offset. */
            offset: number;

            /**
             * Creates a new LimitExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LimitExec instance
             */
            static create(properties: loch.v1.LimitExec.$Shape): loch.v1.LimitExec & loch.v1.LimitExec.$Shape;
            static create(properties?: loch.v1.LimitExec.$Properties): loch.v1.LimitExec;

            /**
             * Encodes the specified LimitExec message. Does not implicitly {@link loch.v1.LimitExec.verify|verify} messages.
             * @param message LimitExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LimitExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LimitExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LimitExec & loch.v1.LimitExec.$Shape} LimitExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LimitExec & loch.v1.LimitExec.$Shape;

            /**
             * Creates a LimitExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LimitExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LimitExec;

            /**
             * Creates a plain object from a LimitExec message. Also converts values to other types if specified.
             * @param message LimitExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LimitExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LimitExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LimitExec {

            /** Properties of a LimitExec. */
            interface $Properties {

                /** LimitExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** LimitExec limit */
                limit?: (number|null);

                /** LimitExec offset */
                offset?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LimitExec. */
            type $Shape = {
              input?: loch.v1.PhysicalPlan.$Shape|null;
              limit?: number|null;
              offset?: number|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a UnionExec.
         * @deprecated Use loch.v1.UnionExec.$Properties instead.
         */
        interface IUnionExec extends loch.v1.UnionExec.$Properties {
        }

        /** Represents a UnionExec. */
        class UnionExec {

            /**
             * Constructs a new UnionExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.UnionExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** UnionExec inputs. */
            inputs: loch.v1.PhysicalPlan.$Properties[];

            /**
             * Creates a new UnionExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UnionExec instance
             */
            static create(properties: loch.v1.UnionExec.$Shape): loch.v1.UnionExec & loch.v1.UnionExec.$Shape;
            static create(properties?: loch.v1.UnionExec.$Properties): loch.v1.UnionExec;

            /**
             * Encodes the specified UnionExec message. Does not implicitly {@link loch.v1.UnionExec.verify|verify} messages.
             * @param message UnionExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.UnionExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a UnionExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.UnionExec & loch.v1.UnionExec.$Shape} UnionExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.UnionExec & loch.v1.UnionExec.$Shape;

            /**
             * Creates a UnionExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns UnionExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.UnionExec;

            /**
             * Creates a plain object from a UnionExec message. Also converts values to other types if specified.
             * @param message UnionExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.UnionExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this UnionExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace UnionExec {

            /** Properties of a UnionExec. */
            interface $Properties {

                /** UnionExec inputs */
                inputs?: (loch.v1.PhysicalPlan.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a UnionExec. */
            type $Shape = {
              inputs?: loch.v1.PhysicalPlan.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a HashSetOpExec.
         * @deprecated Use loch.v1.HashSetOpExec.$Properties instead.
         */
        interface IHashSetOpExec extends loch.v1.HashSetOpExec.$Properties {
        }

        /** Represents a HashSetOpExec. */
        class HashSetOpExec {

            /**
             * Constructs a new HashSetOpExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.HashSetOpExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** HashSetOpExec op. */
            op: loch.v1.SetOperator;

            /** HashSetOpExec all. */
            all: boolean;

            /** HashSetOpExec left. */
            left?: (loch.v1.PhysicalPlan.$Properties|null);

            /** HashSetOpExec right. */
            right?: (loch.v1.PhysicalPlan.$Properties|null);

            /**
             * Creates a new HashSetOpExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns HashSetOpExec instance
             */
            static create(properties: loch.v1.HashSetOpExec.$Shape): loch.v1.HashSetOpExec & loch.v1.HashSetOpExec.$Shape;
            static create(properties?: loch.v1.HashSetOpExec.$Properties): loch.v1.HashSetOpExec;

            /**
             * Encodes the specified HashSetOpExec message. Does not implicitly {@link loch.v1.HashSetOpExec.verify|verify} messages.
             * @param message HashSetOpExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.HashSetOpExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a HashSetOpExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.HashSetOpExec & loch.v1.HashSetOpExec.$Shape} HashSetOpExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.HashSetOpExec & loch.v1.HashSetOpExec.$Shape;

            /**
             * Creates a HashSetOpExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns HashSetOpExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.HashSetOpExec;

            /**
             * Creates a plain object from a HashSetOpExec message. Also converts values to other types if specified.
             * @param message HashSetOpExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.HashSetOpExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this HashSetOpExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace HashSetOpExec {

            /** Properties of a HashSetOpExec. */
            interface $Properties {

                /** HashSetOpExec op */
                op?: (loch.v1.SetOperator|null);

                /** HashSetOpExec all */
                all?: (boolean|null);

                /** HashSetOpExec left */
                left?: (loch.v1.PhysicalPlan.$Properties|null);

                /** HashSetOpExec right */
                right?: (loch.v1.PhysicalPlan.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a HashSetOpExec. */
            type $Shape = {
              op?: loch.v1.SetOperator|null;
              all?: boolean|null;
              left?: loch.v1.PhysicalPlan.$Shape|null;
              right?: loch.v1.PhysicalPlan.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a CteAnchorExec.
         * @deprecated Use loch.v1.CteAnchorExec.$Properties instead.
         */
        interface ICteAnchorExec extends loch.v1.CteAnchorExec.$Properties {
        }

        /** Represents a CteAnchorExec. */
        class CteAnchorExec {

            /**
             * Constructs a new CteAnchorExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CteAnchorExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CteAnchorExec cteId. */
            cteId: number;

            /** CteAnchorExec name. */
            name: string;

            /** CteAnchorExec definition. */
            definition?: (loch.v1.PhysicalPlan.$Properties|null);

            /** CteAnchorExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /**
             * Creates a new CteAnchorExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CteAnchorExec instance
             */
            static create(properties: loch.v1.CteAnchorExec.$Shape): loch.v1.CteAnchorExec & loch.v1.CteAnchorExec.$Shape;
            static create(properties?: loch.v1.CteAnchorExec.$Properties): loch.v1.CteAnchorExec;

            /**
             * Encodes the specified CteAnchorExec message. Does not implicitly {@link loch.v1.CteAnchorExec.verify|verify} messages.
             * @param message CteAnchorExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CteAnchorExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CteAnchorExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CteAnchorExec & loch.v1.CteAnchorExec.$Shape} CteAnchorExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CteAnchorExec & loch.v1.CteAnchorExec.$Shape;

            /**
             * Creates a CteAnchorExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CteAnchorExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CteAnchorExec;

            /**
             * Creates a plain object from a CteAnchorExec message. Also converts values to other types if specified.
             * @param message CteAnchorExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CteAnchorExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CteAnchorExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CteAnchorExec {

            /** Properties of a CteAnchorExec. */
            interface $Properties {

                /** CteAnchorExec cteId */
                cteId?: (number|null);

                /** CteAnchorExec name */
                name?: (string|null);

                /** CteAnchorExec definition */
                definition?: (loch.v1.PhysicalPlan.$Properties|null);

                /** CteAnchorExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CteAnchorExec. */
            type $Shape = {
              cteId?: number|null;
              name?: string|null;
              definition?: loch.v1.PhysicalPlan.$Shape|null;
              input?: loch.v1.PhysicalPlan.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a CteScanExec.
         * @deprecated Use loch.v1.CteScanExec.$Properties instead.
         */
        interface ICteScanExec extends loch.v1.CteScanExec.$Properties {
        }

        /** Represents a CteScanExec. */
        class CteScanExec {

            /**
             * Constructs a new CteScanExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CteScanExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CteScanExec cteId. */
            cteId: number;

            /** CteScanExec name. */
            name: string;

            /**
             * Creates a new CteScanExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CteScanExec instance
             */
            static create(properties: loch.v1.CteScanExec.$Shape): loch.v1.CteScanExec & loch.v1.CteScanExec.$Shape;
            static create(properties?: loch.v1.CteScanExec.$Properties): loch.v1.CteScanExec;

            /**
             * Encodes the specified CteScanExec message. Does not implicitly {@link loch.v1.CteScanExec.verify|verify} messages.
             * @param message CteScanExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CteScanExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CteScanExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CteScanExec & loch.v1.CteScanExec.$Shape} CteScanExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CteScanExec & loch.v1.CteScanExec.$Shape;

            /**
             * Creates a CteScanExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CteScanExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CteScanExec;

            /**
             * Creates a plain object from a CteScanExec message. Also converts values to other types if specified.
             * @param message CteScanExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CteScanExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CteScanExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CteScanExec {

            /** Properties of a CteScanExec. */
            interface $Properties {

                /** CteScanExec cteId */
                cteId?: (number|null);

                /** CteScanExec name */
                name?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CteScanExec. */
            type $Shape = loch.v1.CteScanExec.$Properties;
        }

        /**
         * Properties of a SingleRowExec.
         * @deprecated Use loch.v1.SingleRowExec.$Properties instead.
         */
        interface ISingleRowExec extends loch.v1.SingleRowExec.$Properties {
        }

        /** Represents a SingleRowExec. */
        class SingleRowExec {

            /**
             * Constructs a new SingleRowExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.SingleRowExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new SingleRowExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SingleRowExec instance
             */
            static create(properties: loch.v1.SingleRowExec.$Shape): loch.v1.SingleRowExec & loch.v1.SingleRowExec.$Shape;
            static create(properties?: loch.v1.SingleRowExec.$Properties): loch.v1.SingleRowExec;

            /**
             * Encodes the specified SingleRowExec message. Does not implicitly {@link loch.v1.SingleRowExec.verify|verify} messages.
             * @param message SingleRowExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.SingleRowExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SingleRowExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.SingleRowExec & loch.v1.SingleRowExec.$Shape} SingleRowExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.SingleRowExec & loch.v1.SingleRowExec.$Shape;

            /**
             * Creates a SingleRowExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SingleRowExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.SingleRowExec;

            /**
             * Creates a plain object from a SingleRowExec message. Also converts values to other types if specified.
             * @param message SingleRowExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.SingleRowExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SingleRowExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace SingleRowExec {

            /** Properties of a SingleRowExec. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SingleRowExec. */
            type $Shape = loch.v1.SingleRowExec.$Properties;
        }

        /**
         * Properties of an EmptyExec.
         * @deprecated Use loch.v1.EmptyExec.$Properties instead.
         */
        interface IEmptyExec extends loch.v1.EmptyExec.$Properties {
        }

        /** Represents an EmptyExec. */
        class EmptyExec {

            /**
             * Constructs a new EmptyExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.EmptyExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /**
             * Creates a new EmptyExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EmptyExec instance
             */
            static create(properties: loch.v1.EmptyExec.$Shape): loch.v1.EmptyExec & loch.v1.EmptyExec.$Shape;
            static create(properties?: loch.v1.EmptyExec.$Properties): loch.v1.EmptyExec;

            /**
             * Encodes the specified EmptyExec message. Does not implicitly {@link loch.v1.EmptyExec.verify|verify} messages.
             * @param message EmptyExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.EmptyExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EmptyExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.EmptyExec & loch.v1.EmptyExec.$Shape} EmptyExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.EmptyExec & loch.v1.EmptyExec.$Shape;

            /**
             * Creates an EmptyExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EmptyExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.EmptyExec;

            /**
             * Creates a plain object from an EmptyExec message. Also converts values to other types if specified.
             * @param message EmptyExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.EmptyExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EmptyExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace EmptyExec {

            /** Properties of an EmptyExec. */
            interface $Properties {

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EmptyExec. */
            type $Shape = loch.v1.EmptyExec.$Properties;
        }

        /**
         * Properties of a Partitioning.
         * @deprecated Use loch.v1.Partitioning.$Properties instead.
         */
        interface IPartitioning extends loch.v1.Partitioning.$Properties {
        }

        /** Represents a Partitioning. */
        class Partitioning {

            /**
             * Constructs a new Partitioning.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.Partitioning.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Partitioning hash. */
            hash?: (loch.v1.Partitioning.Hash.$Properties|null);

            /** Partitioning roundRobin. */
            roundRobin?: (loch.v1.Partitioning.RoundRobin.$Properties|null);

            /** Partitioning single. */
            single?: (loch.v1.Partitioning.Single.$Properties|null);

            /** Partitioning broadcast. */
            broadcast?: (loch.v1.Partitioning.Broadcast.$Properties|null);

            /** Partitioning scheme. */
            scheme?: ("hash"|"roundRobin"|"single"|"broadcast");

            /**
             * Creates a new Partitioning instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Partitioning instance
             */
            static create(properties: loch.v1.Partitioning.$Shape): loch.v1.Partitioning & loch.v1.Partitioning.$Shape;
            static create(properties?: loch.v1.Partitioning.$Properties): loch.v1.Partitioning;

            /**
             * Encodes the specified Partitioning message. Does not implicitly {@link loch.v1.Partitioning.verify|verify} messages.
             * @param message Partitioning message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.Partitioning.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Partitioning message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.Partitioning & loch.v1.Partitioning.$Shape} Partitioning
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.Partitioning & loch.v1.Partitioning.$Shape;

            /**
             * Creates a Partitioning message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Partitioning
             */
            static fromObject(object: { [k: string]: any }): loch.v1.Partitioning;

            /**
             * Creates a plain object from a Partitioning message. Also converts values to other types if specified.
             * @param message Partitioning
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.Partitioning, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Partitioning to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace Partitioning {

            /** Properties of a Partitioning. */
            interface $Properties {

                /** Partitioning hash */
                hash?: (loch.v1.Partitioning.Hash.$Properties|null);

                /** Partitioning roundRobin */
                roundRobin?: (loch.v1.Partitioning.RoundRobin.$Properties|null);

                /** Partitioning single */
                single?: (loch.v1.Partitioning.Single.$Properties|null);

                /** Partitioning broadcast */
                broadcast?: (loch.v1.Partitioning.Broadcast.$Properties|null);

                /** Partitioning scheme */
                scheme?: ("hash"|"roundRobin"|"single"|"broadcast");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Partitioning. */
            type $Shape = {
              hash?: loch.v1.Partitioning.Hash.$Shape|null;
              roundRobin?: loch.v1.Partitioning.RoundRobin.$Shape|null;
              single?: loch.v1.Partitioning.Single.$Shape|null;
              broadcast?: loch.v1.Partitioning.Broadcast.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ scheme?: undefined; hash?: null; roundRobin?: null; single?: null; broadcast?: null }|{ scheme?: "hash"; hash: loch.v1.Partitioning.Hash.$Shape; roundRobin?: null; single?: null; broadcast?: null }|{ scheme?: "roundRobin"; hash?: null; roundRobin: loch.v1.Partitioning.RoundRobin.$Shape; single?: null; broadcast?: null }|{ scheme?: "single"; hash?: null; roundRobin?: null; single: loch.v1.Partitioning.Single.$Shape; broadcast?: null }|{ scheme?: "broadcast"; hash?: null; roundRobin?: null; single?: null; broadcast: loch.v1.Partitioning.Broadcast.$Shape })
            );

            /**
             * Properties of a Hash.
             * @deprecated Use loch.v1.Partitioning.Hash.$Properties instead.
             */
            interface IHash extends loch.v1.Partitioning.Hash.$Properties {
            }

            /** Represents a Hash. */
            class Hash {

                /**
                 * Constructs a new Hash.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: loch.v1.Partitioning.Hash.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Hash exprs. */
                exprs: loch.v1.Expr.$Properties[];

                /** Hash partitionCount. */
                partitionCount: number;

                /**
                 * Creates a new Hash instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Hash instance
                 */
                static create(properties: loch.v1.Partitioning.Hash.$Shape): loch.v1.Partitioning.Hash & loch.v1.Partitioning.Hash.$Shape;
                static create(properties?: loch.v1.Partitioning.Hash.$Properties): loch.v1.Partitioning.Hash;

                /**
                 * Encodes the specified Hash message. Does not implicitly {@link loch.v1.Partitioning.Hash.verify|verify} messages.
                 * @param message Hash message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: loch.v1.Partitioning.Hash.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Hash message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {loch.v1.Partitioning.Hash & loch.v1.Partitioning.Hash.$Shape} Hash
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.Partitioning.Hash & loch.v1.Partitioning.Hash.$Shape;

                /**
                 * Creates a Hash message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Hash
                 */
                static fromObject(object: { [k: string]: any }): loch.v1.Partitioning.Hash;

                /**
                 * Creates a plain object from a Hash message. Also converts values to other types if specified.
                 * @param message Hash
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: loch.v1.Partitioning.Hash, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Hash to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Hash {

                /** Properties of a Hash. */
                interface $Properties {

                    /** Hash exprs */
                    exprs?: (loch.v1.Expr.$Properties[]|null);

                    /** Hash partitionCount */
                    partitionCount?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Hash. */
                type $Shape = {
                  exprs?: loch.v1.Expr.$Shape[]|null;
                  partitionCount?: number|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a RoundRobin.
             * @deprecated Use loch.v1.Partitioning.RoundRobin.$Properties instead.
             */
            interface IRoundRobin extends loch.v1.Partitioning.RoundRobin.$Properties {
            }

            /** Represents a RoundRobin. */
            class RoundRobin {

                /**
                 * Constructs a new RoundRobin.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: loch.v1.Partitioning.RoundRobin.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RoundRobin partitionCount. */
                partitionCount: number;

                /**
                 * Creates a new RoundRobin instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns RoundRobin instance
                 */
                static create(properties: loch.v1.Partitioning.RoundRobin.$Shape): loch.v1.Partitioning.RoundRobin & loch.v1.Partitioning.RoundRobin.$Shape;
                static create(properties?: loch.v1.Partitioning.RoundRobin.$Properties): loch.v1.Partitioning.RoundRobin;

                /**
                 * Encodes the specified RoundRobin message. Does not implicitly {@link loch.v1.Partitioning.RoundRobin.verify|verify} messages.
                 * @param message RoundRobin message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: loch.v1.Partitioning.RoundRobin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RoundRobin message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {loch.v1.Partitioning.RoundRobin & loch.v1.Partitioning.RoundRobin.$Shape} RoundRobin
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.Partitioning.RoundRobin & loch.v1.Partitioning.RoundRobin.$Shape;

                /**
                 * Creates a RoundRobin message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns RoundRobin
                 */
                static fromObject(object: { [k: string]: any }): loch.v1.Partitioning.RoundRobin;

                /**
                 * Creates a plain object from a RoundRobin message. Also converts values to other types if specified.
                 * @param message RoundRobin
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: loch.v1.Partitioning.RoundRobin, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this RoundRobin to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace RoundRobin {

                /** Properties of a RoundRobin. */
                interface $Properties {

                    /** RoundRobin partitionCount */
                    partitionCount?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RoundRobin. */
                type $Shape = loch.v1.Partitioning.RoundRobin.$Properties;
            }

            /**
             * Properties of a Single.
             * @deprecated Use loch.v1.Partitioning.Single.$Properties instead.
             */
            interface ISingle extends loch.v1.Partitioning.Single.$Properties {
            }

            /** Represents a Single. */
            class Single {

                /**
                 * Constructs a new Single.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: loch.v1.Partitioning.Single.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Creates a new Single instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Single instance
                 */
                static create(properties: loch.v1.Partitioning.Single.$Shape): loch.v1.Partitioning.Single & loch.v1.Partitioning.Single.$Shape;
                static create(properties?: loch.v1.Partitioning.Single.$Properties): loch.v1.Partitioning.Single;

                /**
                 * Encodes the specified Single message. Does not implicitly {@link loch.v1.Partitioning.Single.verify|verify} messages.
                 * @param message Single message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: loch.v1.Partitioning.Single.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Single message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {loch.v1.Partitioning.Single & loch.v1.Partitioning.Single.$Shape} Single
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.Partitioning.Single & loch.v1.Partitioning.Single.$Shape;

                /**
                 * Creates a Single message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Single
                 */
                static fromObject(object: { [k: string]: any }): loch.v1.Partitioning.Single;

                /**
                 * Creates a plain object from a Single message. Also converts values to other types if specified.
                 * @param message Single
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: loch.v1.Partitioning.Single, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Single to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Single {

                /** Properties of a Single. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Single. */
                type $Shape = loch.v1.Partitioning.Single.$Properties;
            }

            /**
             * Properties of a Broadcast.
             * @deprecated Use loch.v1.Partitioning.Broadcast.$Properties instead.
             */
            interface IBroadcast extends loch.v1.Partitioning.Broadcast.$Properties {
            }

            /** Represents a Broadcast. */
            class Broadcast {

                /**
                 * Constructs a new Broadcast.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: loch.v1.Partitioning.Broadcast.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Creates a new Broadcast instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Broadcast instance
                 */
                static create(properties: loch.v1.Partitioning.Broadcast.$Shape): loch.v1.Partitioning.Broadcast & loch.v1.Partitioning.Broadcast.$Shape;
                static create(properties?: loch.v1.Partitioning.Broadcast.$Properties): loch.v1.Partitioning.Broadcast;

                /**
                 * Encodes the specified Broadcast message. Does not implicitly {@link loch.v1.Partitioning.Broadcast.verify|verify} messages.
                 * @param message Broadcast message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: loch.v1.Partitioning.Broadcast.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Broadcast message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {loch.v1.Partitioning.Broadcast & loch.v1.Partitioning.Broadcast.$Shape} Broadcast
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.Partitioning.Broadcast & loch.v1.Partitioning.Broadcast.$Shape;

                /**
                 * Creates a Broadcast message from a plain object. Also converts values to their respective internal types.
                 * @param object Plain object
                 * @returns Broadcast
                 */
                static fromObject(object: { [k: string]: any }): loch.v1.Partitioning.Broadcast;

                /**
                 * Creates a plain object from a Broadcast message. Also converts values to other types if specified.
                 * @param message Broadcast
                 * @param [options] Conversion options
                 * @returns Plain object
                 */
                static toObject(message: loch.v1.Partitioning.Broadcast, options?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Broadcast to JSON.
                 * @returns JSON object
                 */
                toJSON(): { [k: string]: any };
            }

            namespace Broadcast {

                /** Properties of a Broadcast. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Broadcast. */
                type $Shape = loch.v1.Partitioning.Broadcast.$Properties;
            }
        }

        /**
         * Properties of a ShuffleWriteExec.
         * @deprecated Use loch.v1.ShuffleWriteExec.$Properties instead.
         */
        interface IShuffleWriteExec extends loch.v1.ShuffleWriteExec.$Properties {
        }

        /** Represents a ShuffleWriteExec. */
        class ShuffleWriteExec {

            /**
             * Constructs a new ShuffleWriteExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ShuffleWriteExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ShuffleWriteExec stageId. */
            stageId: number;

            /** ShuffleWriteExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** ShuffleWriteExec outputPartitioning. */
            outputPartitioning?: (loch.v1.Partitioning.$Properties|null);

            /**
             * Creates a new ShuffleWriteExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShuffleWriteExec instance
             */
            static create(properties: loch.v1.ShuffleWriteExec.$Shape): loch.v1.ShuffleWriteExec & loch.v1.ShuffleWriteExec.$Shape;
            static create(properties?: loch.v1.ShuffleWriteExec.$Properties): loch.v1.ShuffleWriteExec;

            /**
             * Encodes the specified ShuffleWriteExec message. Does not implicitly {@link loch.v1.ShuffleWriteExec.verify|verify} messages.
             * @param message ShuffleWriteExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ShuffleWriteExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShuffleWriteExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ShuffleWriteExec & loch.v1.ShuffleWriteExec.$Shape} ShuffleWriteExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ShuffleWriteExec & loch.v1.ShuffleWriteExec.$Shape;

            /**
             * Creates a ShuffleWriteExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ShuffleWriteExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ShuffleWriteExec;

            /**
             * Creates a plain object from a ShuffleWriteExec message. Also converts values to other types if specified.
             * @param message ShuffleWriteExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ShuffleWriteExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ShuffleWriteExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ShuffleWriteExec {

            /** Properties of a ShuffleWriteExec. */
            interface $Properties {

                /** ShuffleWriteExec stageId */
                stageId?: (number|null);

                /** ShuffleWriteExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** ShuffleWriteExec outputPartitioning */
                outputPartitioning?: (loch.v1.Partitioning.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ShuffleWriteExec. */
            type $Shape = {
              stageId?: number|null;
              input?: loch.v1.PhysicalPlan.$Shape|null;
              outputPartitioning?: loch.v1.Partitioning.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a ShuffleReadPartition.
         * @deprecated Use loch.v1.ShuffleReadPartition.$Properties instead.
         */
        interface IShuffleReadPartition extends loch.v1.ShuffleReadPartition.$Properties {
        }

        /** Represents a ShuffleReadPartition. */
        class ShuffleReadPartition {

            /**
             * Constructs a new ShuffleReadPartition.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ShuffleReadPartition.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ShuffleReadPartition locations. */
            locations: loch.v1.PartitionLocation.$Properties[];

            /**
             * Creates a new ShuffleReadPartition instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShuffleReadPartition instance
             */
            static create(properties: loch.v1.ShuffleReadPartition.$Shape): loch.v1.ShuffleReadPartition & loch.v1.ShuffleReadPartition.$Shape;
            static create(properties?: loch.v1.ShuffleReadPartition.$Properties): loch.v1.ShuffleReadPartition;

            /**
             * Encodes the specified ShuffleReadPartition message. Does not implicitly {@link loch.v1.ShuffleReadPartition.verify|verify} messages.
             * @param message ShuffleReadPartition message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ShuffleReadPartition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShuffleReadPartition message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ShuffleReadPartition & loch.v1.ShuffleReadPartition.$Shape} ShuffleReadPartition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ShuffleReadPartition & loch.v1.ShuffleReadPartition.$Shape;

            /**
             * Creates a ShuffleReadPartition message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ShuffleReadPartition
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ShuffleReadPartition;

            /**
             * Creates a plain object from a ShuffleReadPartition message. Also converts values to other types if specified.
             * @param message ShuffleReadPartition
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ShuffleReadPartition, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ShuffleReadPartition to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ShuffleReadPartition {

            /** Properties of a ShuffleReadPartition. */
            interface $Properties {

                /** ShuffleReadPartition locations */
                locations?: (loch.v1.PartitionLocation.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ShuffleReadPartition. */
            type $Shape = loch.v1.ShuffleReadPartition.$Properties;
        }

        /**
         * Properties of a ShuffleReadExec.
         * @deprecated Use loch.v1.ShuffleReadExec.$Properties instead.
         */
        interface IShuffleReadExec extends loch.v1.ShuffleReadExec.$Properties {
        }

        /** Represents a ShuffleReadExec. */
        class ShuffleReadExec {

            /**
             * Constructs a new ShuffleReadExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ShuffleReadExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ShuffleReadExec stageId. */
            stageId: number;

            /** ShuffleReadExec partitions. */
            partitions: loch.v1.ShuffleReadPartition.$Properties[];

            /** ShuffleReadExec partitioning. */
            partitioning?: (loch.v1.Partitioning.$Properties|null);

            /**
             * Creates a new ShuffleReadExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ShuffleReadExec instance
             */
            static create(properties: loch.v1.ShuffleReadExec.$Shape): loch.v1.ShuffleReadExec & loch.v1.ShuffleReadExec.$Shape;
            static create(properties?: loch.v1.ShuffleReadExec.$Properties): loch.v1.ShuffleReadExec;

            /**
             * Encodes the specified ShuffleReadExec message. Does not implicitly {@link loch.v1.ShuffleReadExec.verify|verify} messages.
             * @param message ShuffleReadExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ShuffleReadExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ShuffleReadExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ShuffleReadExec & loch.v1.ShuffleReadExec.$Shape} ShuffleReadExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ShuffleReadExec & loch.v1.ShuffleReadExec.$Shape;

            /**
             * Creates a ShuffleReadExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ShuffleReadExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ShuffleReadExec;

            /**
             * Creates a plain object from a ShuffleReadExec message. Also converts values to other types if specified.
             * @param message ShuffleReadExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ShuffleReadExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ShuffleReadExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ShuffleReadExec {

            /** Properties of a ShuffleReadExec. */
            interface $Properties {

                /** ShuffleReadExec stageId */
                stageId?: (number|null);

                /** ShuffleReadExec partitions */
                partitions?: (loch.v1.ShuffleReadPartition.$Properties[]|null);

                /** ShuffleReadExec partitioning */
                partitioning?: (loch.v1.Partitioning.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ShuffleReadExec. */
            type $Shape = {
              stageId?: number|null;
              partitions?: loch.v1.ShuffleReadPartition.$Shape[]|null;
              partitioning?: loch.v1.Partitioning.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of an UnresolvedShuffleExec.
         * @deprecated Use loch.v1.UnresolvedShuffleExec.$Properties instead.
         */
        interface IUnresolvedShuffleExec extends loch.v1.UnresolvedShuffleExec.$Properties {
        }

        /** Represents an UnresolvedShuffleExec. */
        class UnresolvedShuffleExec {

            /**
             * Constructs a new UnresolvedShuffleExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.UnresolvedShuffleExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** UnresolvedShuffleExec stageId. */
            stageId: number;

            /** UnresolvedShuffleExec partitionCount. */
            partitionCount: number;

            /** UnresolvedShuffleExec partitioning. */
            partitioning?: (loch.v1.Partitioning.$Properties|null);

            /**
             * Creates a new UnresolvedShuffleExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns UnresolvedShuffleExec instance
             */
            static create(properties: loch.v1.UnresolvedShuffleExec.$Shape): loch.v1.UnresolvedShuffleExec & loch.v1.UnresolvedShuffleExec.$Shape;
            static create(properties?: loch.v1.UnresolvedShuffleExec.$Properties): loch.v1.UnresolvedShuffleExec;

            /**
             * Encodes the specified UnresolvedShuffleExec message. Does not implicitly {@link loch.v1.UnresolvedShuffleExec.verify|verify} messages.
             * @param message UnresolvedShuffleExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.UnresolvedShuffleExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an UnresolvedShuffleExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.UnresolvedShuffleExec & loch.v1.UnresolvedShuffleExec.$Shape} UnresolvedShuffleExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.UnresolvedShuffleExec & loch.v1.UnresolvedShuffleExec.$Shape;

            /**
             * Creates an UnresolvedShuffleExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns UnresolvedShuffleExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.UnresolvedShuffleExec;

            /**
             * Creates a plain object from an UnresolvedShuffleExec message. Also converts values to other types if specified.
             * @param message UnresolvedShuffleExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.UnresolvedShuffleExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this UnresolvedShuffleExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace UnresolvedShuffleExec {

            /** Properties of an UnresolvedShuffleExec. */
            interface $Properties {

                /** UnresolvedShuffleExec stageId */
                stageId?: (number|null);

                /** UnresolvedShuffleExec partitionCount */
                partitionCount?: (number|null);

                /** UnresolvedShuffleExec partitioning */
                partitioning?: (loch.v1.Partitioning.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an UnresolvedShuffleExec. */
            type $Shape = {
              stageId?: number|null;
              partitionCount?: number|null;
              partitioning?: loch.v1.Partitioning.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of an ExchangeExec.
         * @deprecated Use loch.v1.ExchangeExec.$Properties instead.
         */
        interface IExchangeExec extends loch.v1.ExchangeExec.$Properties {
        }

        /** Represents an ExchangeExec. */
        class ExchangeExec {

            /**
             * Constructs a new ExchangeExec.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.ExchangeExec.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExchangeExec input. */
            input?: (loch.v1.PhysicalPlan.$Properties|null);

            /** ExchangeExec partitioning. */
            partitioning?: (loch.v1.Partitioning.$Properties|null);

            /**
             * Creates a new ExchangeExec instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExchangeExec instance
             */
            static create(properties: loch.v1.ExchangeExec.$Shape): loch.v1.ExchangeExec & loch.v1.ExchangeExec.$Shape;
            static create(properties?: loch.v1.ExchangeExec.$Properties): loch.v1.ExchangeExec;

            /**
             * Encodes the specified ExchangeExec message. Does not implicitly {@link loch.v1.ExchangeExec.verify|verify} messages.
             * @param message ExchangeExec message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.ExchangeExec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExchangeExec message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.ExchangeExec & loch.v1.ExchangeExec.$Shape} ExchangeExec
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.ExchangeExec & loch.v1.ExchangeExec.$Shape;

            /**
             * Creates an ExchangeExec message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExchangeExec
             */
            static fromObject(object: { [k: string]: any }): loch.v1.ExchangeExec;

            /**
             * Creates a plain object from an ExchangeExec message. Also converts values to other types if specified.
             * @param message ExchangeExec
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.ExchangeExec, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExchangeExec to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace ExchangeExec {

            /** Properties of an ExchangeExec. */
            interface $Properties {

                /** ExchangeExec input */
                input?: (loch.v1.PhysicalPlan.$Properties|null);

                /** ExchangeExec partitioning */
                partitioning?: (loch.v1.Partitioning.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExchangeExec. */
            type $Shape = {
              input?: loch.v1.PhysicalPlan.$Shape|null;
              partitioning?: loch.v1.Partitioning.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a StagePlan.
         * @deprecated Use loch.v1.StagePlan.$Properties instead.
         */
        interface IStagePlan extends loch.v1.StagePlan.$Properties {
        }

        /** Represents a StagePlan. */
        class StagePlan {

            /**
             * Constructs a new StagePlan.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.StagePlan.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StagePlan jobId. */
            jobId: string;

            /** StagePlan stageId. */
            stageId: number;

            /** StagePlan stageAttempt. */
            stageAttempt: number;

            /** StagePlan partitionCount. */
            partitionCount: number;

            /** StagePlan plan. */
            plan?: (loch.v1.PhysicalPlan.$Properties|null);

            /**
             * Creates a new StagePlan instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StagePlan instance
             */
            static create(properties: loch.v1.StagePlan.$Shape): loch.v1.StagePlan & loch.v1.StagePlan.$Shape;
            static create(properties?: loch.v1.StagePlan.$Properties): loch.v1.StagePlan;

            /**
             * Encodes the specified StagePlan message. Does not implicitly {@link loch.v1.StagePlan.verify|verify} messages.
             * @param message StagePlan message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.StagePlan.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StagePlan message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.StagePlan & loch.v1.StagePlan.$Shape} StagePlan
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.StagePlan & loch.v1.StagePlan.$Shape;

            /**
             * Creates a StagePlan message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns StagePlan
             */
            static fromObject(object: { [k: string]: any }): loch.v1.StagePlan;

            /**
             * Creates a plain object from a StagePlan message. Also converts values to other types if specified.
             * @param message StagePlan
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.StagePlan, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StagePlan to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace StagePlan {

            /** Properties of a StagePlan. */
            interface $Properties {

                /** StagePlan jobId */
                jobId?: (string|null);

                /** StagePlan stageId */
                stageId?: (number|null);

                /** StagePlan stageAttempt */
                stageAttempt?: (number|null);

                /** StagePlan partitionCount */
                partitionCount?: (number|null);

                /** StagePlan plan */
                plan?: (loch.v1.PhysicalPlan.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StagePlan. */
            type $Shape = {
              jobId?: string|null;
              stageId?: number|null;
              stageAttempt?: number|null;
              partitionCount?: number|null;
              plan?: loch.v1.PhysicalPlan.$Shape|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a TaskDefinition.
         * @deprecated Use loch.v1.TaskDefinition.$Properties instead.
         */
        interface ITaskDefinition extends loch.v1.TaskDefinition.$Properties {
        }

        /** Represents a TaskDefinition. */
        class TaskDefinition {

            /**
             * Constructs a new TaskDefinition.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.TaskDefinition.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TaskDefinition task. */
            task?: (loch.v1.TaskIdentity.$Properties|null);

            /** TaskDefinition stage. */
            stage?: (loch.v1.StagePlan.$Properties|null);

            /** TaskDefinition settings. */
            settings: { [k: string]: string };

            /**
             * Creates a new TaskDefinition instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TaskDefinition instance
             */
            static create(properties: loch.v1.TaskDefinition.$Shape): loch.v1.TaskDefinition & loch.v1.TaskDefinition.$Shape;
            static create(properties?: loch.v1.TaskDefinition.$Properties): loch.v1.TaskDefinition;

            /**
             * Encodes the specified TaskDefinition message. Does not implicitly {@link loch.v1.TaskDefinition.verify|verify} messages.
             * @param message TaskDefinition message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.TaskDefinition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TaskDefinition message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.TaskDefinition & loch.v1.TaskDefinition.$Shape} TaskDefinition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.TaskDefinition & loch.v1.TaskDefinition.$Shape;

            /**
             * Creates a TaskDefinition message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TaskDefinition
             */
            static fromObject(object: { [k: string]: any }): loch.v1.TaskDefinition;

            /**
             * Creates a plain object from a TaskDefinition message. Also converts values to other types if specified.
             * @param message TaskDefinition
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.TaskDefinition, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TaskDefinition to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace TaskDefinition {

            /** Properties of a TaskDefinition. */
            interface $Properties {

                /** TaskDefinition task */
                task?: (loch.v1.TaskIdentity.$Properties|null);

                /** TaskDefinition stage */
                stage?: (loch.v1.StagePlan.$Properties|null);

                /** TaskDefinition settings */
                settings?: ({ [k: string]: string }|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TaskDefinition. */
            type $Shape = {
              task?: loch.v1.TaskIdentity.$Shape|null;
              stage?: loch.v1.StagePlan.$Shape|null;
              settings?: { [k: string]: string }|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LaunchTasksRequest.
         * @deprecated Use loch.v1.LaunchTasksRequest.$Properties instead.
         */
        interface ILaunchTasksRequest extends loch.v1.LaunchTasksRequest.$Properties {
        }

        /** Represents a LaunchTasksRequest. */
        class LaunchTasksRequest {

            /**
             * Constructs a new LaunchTasksRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LaunchTasksRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LaunchTasksRequest workerId. */
            workerId: string;

            /** LaunchTasksRequest tasks. */
            tasks: loch.v1.TaskDefinition.$Properties[];

            /**
             * Creates a new LaunchTasksRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LaunchTasksRequest instance
             */
            static create(properties: loch.v1.LaunchTasksRequest.$Shape): loch.v1.LaunchTasksRequest & loch.v1.LaunchTasksRequest.$Shape;
            static create(properties?: loch.v1.LaunchTasksRequest.$Properties): loch.v1.LaunchTasksRequest;

            /**
             * Encodes the specified LaunchTasksRequest message. Does not implicitly {@link loch.v1.LaunchTasksRequest.verify|verify} messages.
             * @param message LaunchTasksRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LaunchTasksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LaunchTasksRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LaunchTasksRequest & loch.v1.LaunchTasksRequest.$Shape} LaunchTasksRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LaunchTasksRequest & loch.v1.LaunchTasksRequest.$Shape;

            /**
             * Creates a LaunchTasksRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LaunchTasksRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LaunchTasksRequest;

            /**
             * Creates a plain object from a LaunchTasksRequest message. Also converts values to other types if specified.
             * @param message LaunchTasksRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LaunchTasksRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LaunchTasksRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LaunchTasksRequest {

            /** Properties of a LaunchTasksRequest. */
            interface $Properties {

                /** LaunchTasksRequest workerId */
                workerId?: (string|null);

                /** LaunchTasksRequest tasks */
                tasks?: (loch.v1.TaskDefinition.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LaunchTasksRequest. */
            type $Shape = {
              workerId?: string|null;
              tasks?: loch.v1.TaskDefinition.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        /**
         * Properties of a LaunchTasksResponse.
         * @deprecated Use loch.v1.LaunchTasksResponse.$Properties instead.
         */
        interface ILaunchTasksResponse extends loch.v1.LaunchTasksResponse.$Properties {
        }

        /** Represents a LaunchTasksResponse. */
        class LaunchTasksResponse {

            /**
             * Constructs a new LaunchTasksResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.LaunchTasksResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LaunchTasksResponse rejected. */
            rejected: loch.v1.TaskIdentity.$Properties[];

            /**
             * Creates a new LaunchTasksResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LaunchTasksResponse instance
             */
            static create(properties: loch.v1.LaunchTasksResponse.$Shape): loch.v1.LaunchTasksResponse & loch.v1.LaunchTasksResponse.$Shape;
            static create(properties?: loch.v1.LaunchTasksResponse.$Properties): loch.v1.LaunchTasksResponse;

            /**
             * Encodes the specified LaunchTasksResponse message. Does not implicitly {@link loch.v1.LaunchTasksResponse.verify|verify} messages.
             * @param message LaunchTasksResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.LaunchTasksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LaunchTasksResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.LaunchTasksResponse & loch.v1.LaunchTasksResponse.$Shape} LaunchTasksResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.LaunchTasksResponse & loch.v1.LaunchTasksResponse.$Shape;

            /**
             * Creates a LaunchTasksResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LaunchTasksResponse
             */
            static fromObject(object: { [k: string]: any }): loch.v1.LaunchTasksResponse;

            /**
             * Creates a plain object from a LaunchTasksResponse message. Also converts values to other types if specified.
             * @param message LaunchTasksResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.LaunchTasksResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LaunchTasksResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace LaunchTasksResponse {

            /** Properties of a LaunchTasksResponse. */
            interface $Properties {

                /** LaunchTasksResponse rejected */
                rejected?: (loch.v1.TaskIdentity.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LaunchTasksResponse. */
            type $Shape = loch.v1.LaunchTasksResponse.$Properties;
        }

        /**
         * Properties of a CancelTasksRequest.
         * @deprecated Use loch.v1.CancelTasksRequest.$Properties instead.
         */
        interface ICancelTasksRequest extends loch.v1.CancelTasksRequest.$Properties {
        }

        /** Represents a CancelTasksRequest. */
        class CancelTasksRequest {

            /**
             * Constructs a new CancelTasksRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CancelTasksRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelTasksRequest tasks. */
            tasks: loch.v1.TaskIdentity.$Properties[];

            /** CancelTasksRequest reason. */
            reason: string;

            /**
             * Creates a new CancelTasksRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelTasksRequest instance
             */
            static create(properties: loch.v1.CancelTasksRequest.$Shape): loch.v1.CancelTasksRequest & loch.v1.CancelTasksRequest.$Shape;
            static create(properties?: loch.v1.CancelTasksRequest.$Properties): loch.v1.CancelTasksRequest;

            /**
             * Encodes the specified CancelTasksRequest message. Does not implicitly {@link loch.v1.CancelTasksRequest.verify|verify} messages.
             * @param message CancelTasksRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CancelTasksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelTasksRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CancelTasksRequest & loch.v1.CancelTasksRequest.$Shape} CancelTasksRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CancelTasksRequest & loch.v1.CancelTasksRequest.$Shape;

            /**
             * Creates a CancelTasksRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelTasksRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CancelTasksRequest;

            /**
             * Creates a plain object from a CancelTasksRequest message. Also converts values to other types if specified.
             * @param message CancelTasksRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CancelTasksRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelTasksRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelTasksRequest {

            /** Properties of a CancelTasksRequest. */
            interface $Properties {

                /** CancelTasksRequest tasks */
                tasks?: (loch.v1.TaskIdentity.$Properties[]|null);

                /** CancelTasksRequest reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelTasksRequest. */
            type $Shape = loch.v1.CancelTasksRequest.$Properties;
        }

        /**
         * Properties of a CancelTasksResponse.
         * @deprecated Use loch.v1.CancelTasksResponse.$Properties instead.
         */
        interface ICancelTasksResponse extends loch.v1.CancelTasksResponse.$Properties {
        }

        /** Represents a CancelTasksResponse. */
        class CancelTasksResponse {

            /**
             * Constructs a new CancelTasksResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.CancelTasksResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CancelTasksResponse cancelled. */
            cancelled: number;

            /**
             * Creates a new CancelTasksResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CancelTasksResponse instance
             */
            static create(properties: loch.v1.CancelTasksResponse.$Shape): loch.v1.CancelTasksResponse & loch.v1.CancelTasksResponse.$Shape;
            static create(properties?: loch.v1.CancelTasksResponse.$Properties): loch.v1.CancelTasksResponse;

            /**
             * Encodes the specified CancelTasksResponse message. Does not implicitly {@link loch.v1.CancelTasksResponse.verify|verify} messages.
             * @param message CancelTasksResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.CancelTasksResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CancelTasksResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.CancelTasksResponse & loch.v1.CancelTasksResponse.$Shape} CancelTasksResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.CancelTasksResponse & loch.v1.CancelTasksResponse.$Shape;

            /**
             * Creates a CancelTasksResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns CancelTasksResponse
             */
            static fromObject(object: { [k: string]: any }): loch.v1.CancelTasksResponse;

            /**
             * Creates a plain object from a CancelTasksResponse message. Also converts values to other types if specified.
             * @param message CancelTasksResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.CancelTasksResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CancelTasksResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace CancelTasksResponse {

            /** Properties of a CancelTasksResponse. */
            interface $Properties {

                /** CancelTasksResponse cancelled */
                cancelled?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CancelTasksResponse. */
            type $Shape = loch.v1.CancelTasksResponse.$Properties;
        }

        /**
         * Properties of a FetchShufflePartitionRequest.
         * @deprecated Use loch.v1.FetchShufflePartitionRequest.$Properties instead.
         */
        interface IFetchShufflePartitionRequest extends loch.v1.FetchShufflePartitionRequest.$Properties {
        }

        /** Represents a FetchShufflePartitionRequest. */
        class FetchShufflePartitionRequest {

            /**
             * Constructs a new FetchShufflePartitionRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.FetchShufflePartitionRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** FetchShufflePartitionRequest location. */
            location?: (loch.v1.PartitionLocation.$Properties|null);

            /** FetchShufflePartitionRequest maxChunkBytes. */
            maxChunkBytes: number;

            /**
             * Creates a new FetchShufflePartitionRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns FetchShufflePartitionRequest instance
             */
            static create(properties: loch.v1.FetchShufflePartitionRequest.$Shape): loch.v1.FetchShufflePartitionRequest & loch.v1.FetchShufflePartitionRequest.$Shape;
            static create(properties?: loch.v1.FetchShufflePartitionRequest.$Properties): loch.v1.FetchShufflePartitionRequest;

            /**
             * Encodes the specified FetchShufflePartitionRequest message. Does not implicitly {@link loch.v1.FetchShufflePartitionRequest.verify|verify} messages.
             * @param message FetchShufflePartitionRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.FetchShufflePartitionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a FetchShufflePartitionRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.FetchShufflePartitionRequest & loch.v1.FetchShufflePartitionRequest.$Shape} FetchShufflePartitionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.FetchShufflePartitionRequest & loch.v1.FetchShufflePartitionRequest.$Shape;

            /**
             * Creates a FetchShufflePartitionRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns FetchShufflePartitionRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.FetchShufflePartitionRequest;

            /**
             * Creates a plain object from a FetchShufflePartitionRequest message. Also converts values to other types if specified.
             * @param message FetchShufflePartitionRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.FetchShufflePartitionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this FetchShufflePartitionRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace FetchShufflePartitionRequest {

            /** Properties of a FetchShufflePartitionRequest. */
            interface $Properties {

                /** FetchShufflePartitionRequest location */
                location?: (loch.v1.PartitionLocation.$Properties|null);

                /** FetchShufflePartitionRequest maxChunkBytes */
                maxChunkBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a FetchShufflePartitionRequest. */
            type $Shape = loch.v1.FetchShufflePartitionRequest.$Properties;
        }

        /**
         * Properties of a RemoveJobDataRequest.
         * @deprecated Use loch.v1.RemoveJobDataRequest.$Properties instead.
         */
        interface IRemoveJobDataRequest extends loch.v1.RemoveJobDataRequest.$Properties {
        }

        /** Represents a RemoveJobDataRequest. */
        class RemoveJobDataRequest {

            /**
             * Constructs a new RemoveJobDataRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.RemoveJobDataRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RemoveJobDataRequest jobId. */
            jobId: string;

            /**
             * Creates a new RemoveJobDataRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RemoveJobDataRequest instance
             */
            static create(properties: loch.v1.RemoveJobDataRequest.$Shape): loch.v1.RemoveJobDataRequest & loch.v1.RemoveJobDataRequest.$Shape;
            static create(properties?: loch.v1.RemoveJobDataRequest.$Properties): loch.v1.RemoveJobDataRequest;

            /**
             * Encodes the specified RemoveJobDataRequest message. Does not implicitly {@link loch.v1.RemoveJobDataRequest.verify|verify} messages.
             * @param message RemoveJobDataRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.RemoveJobDataRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RemoveJobDataRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.RemoveJobDataRequest & loch.v1.RemoveJobDataRequest.$Shape} RemoveJobDataRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.RemoveJobDataRequest & loch.v1.RemoveJobDataRequest.$Shape;

            /**
             * Creates a RemoveJobDataRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RemoveJobDataRequest
             */
            static fromObject(object: { [k: string]: any }): loch.v1.RemoveJobDataRequest;

            /**
             * Creates a plain object from a RemoveJobDataRequest message. Also converts values to other types if specified.
             * @param message RemoveJobDataRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.RemoveJobDataRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RemoveJobDataRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace RemoveJobDataRequest {

            /** Properties of a RemoveJobDataRequest. */
            interface $Properties {

                /** RemoveJobDataRequest jobId */
                jobId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RemoveJobDataRequest. */
            type $Shape = loch.v1.RemoveJobDataRequest.$Properties;
        }

        /**
         * Properties of a RemoveJobDataResponse.
         * @deprecated Use loch.v1.RemoveJobDataResponse.$Properties instead.
         */
        interface IRemoveJobDataResponse extends loch.v1.RemoveJobDataResponse.$Properties {
        }

        /** Represents a RemoveJobDataResponse. */
        class RemoveJobDataResponse {

            /**
             * Constructs a new RemoveJobDataResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: loch.v1.RemoveJobDataResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RemoveJobDataResponse filesRemoved. */
            filesRemoved: number;

            /** RemoveJobDataResponse bytesRemoved. */
            bytesRemoved: number;

            /**
             * Creates a new RemoveJobDataResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RemoveJobDataResponse instance
             */
            static create(properties: loch.v1.RemoveJobDataResponse.$Shape): loch.v1.RemoveJobDataResponse & loch.v1.RemoveJobDataResponse.$Shape;
            static create(properties?: loch.v1.RemoveJobDataResponse.$Properties): loch.v1.RemoveJobDataResponse;

            /**
             * Encodes the specified RemoveJobDataResponse message. Does not implicitly {@link loch.v1.RemoveJobDataResponse.verify|verify} messages.
             * @param message RemoveJobDataResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: loch.v1.RemoveJobDataResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RemoveJobDataResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {loch.v1.RemoveJobDataResponse & loch.v1.RemoveJobDataResponse.$Shape} RemoveJobDataResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): loch.v1.RemoveJobDataResponse & loch.v1.RemoveJobDataResponse.$Shape;

            /**
             * Creates a RemoveJobDataResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RemoveJobDataResponse
             */
            static fromObject(object: { [k: string]: any }): loch.v1.RemoveJobDataResponse;

            /**
             * Creates a plain object from a RemoveJobDataResponse message. Also converts values to other types if specified.
             * @param message RemoveJobDataResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: loch.v1.RemoveJobDataResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RemoveJobDataResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };
        }

        namespace RemoveJobDataResponse {

            /** Properties of a RemoveJobDataResponse. */
            interface $Properties {

                /** RemoveJobDataResponse filesRemoved */
                filesRemoved?: (number|null);

                /** RemoveJobDataResponse bytesRemoved */
                bytesRemoved?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RemoveJobDataResponse. */
            type $Shape = loch.v1.RemoveJobDataResponse.$Properties;
        }
    }
}
