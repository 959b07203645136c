/** A success message (role="status", announced politely). */
export function Notice({ text, testId = 'notice' }: { text: string | null; testId?: string }) {
  if (!text) return null;
  return (
    <p className="notice" role="status" data-testid={testId}>
      {text}
    </p>
  );
}
