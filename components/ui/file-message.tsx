import { Alert } from './alert';

/** What a file import said: its result, or its refusal with the rows named (the first 200). */
export type FileMessageValue = { tone: 'error' | 'success'; text: string; lines?: string[] };

export function FileMessage({ message }: { message: FileMessageValue | null }) {
  if (!message) return null;
  return (
    <Alert tone={message.tone} title={message.text}>
      {message.lines?.length ? (
        <ul className="list-disc pl-5 text-xs">
          {message.lines.slice(0, 200).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
