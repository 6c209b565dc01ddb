// Features never import each other: the built-in softphone's pieces the calling screen uses are
// handed to it from here. The SIP library itself loads only when the softphone starts.
export { useSoftphone, type SoftphoneState } from '../features/telephony/hooks/useSoftphone';
export { useMicrophone } from '../features/telephony/hooks/useMicrophone';
export { useLine, type Line } from '../features/telephony/hooks/useLine';
export { SoftphoneStatus } from '../features/telephony/components/SoftphoneStatus';
export { LinePanel } from '../features/telephony/components/LinePanel';
export {
  isLive,
  lineInputOf,
  suggestedOutcome,
  type LineState,
} from '../features/telephony/components/line';
