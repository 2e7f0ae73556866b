/** The action's `comment` input: when the PR comment is written (the GitHub edge needs it; the settings map the input to it). */
export type CommentMode = 'always' | 'on-regression' | 'never';
